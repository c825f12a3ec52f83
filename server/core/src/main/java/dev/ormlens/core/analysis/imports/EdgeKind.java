package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.model.ImportContext;

/** When the import an edge stands for runs, which decides what it makes available and when. */
public enum EdgeKind {
  /** A module-level (or class-body) import: runs when the importing module is imported. */
  MODULE("module"),
  /** Under {@code if TYPE_CHECKING:}: never runs. */
  TYPE_CHECKING("typeChecking"),
  /** Inside a function, such as a lazy resolver: runs when the function is called. */
  FUNCTION("function"),
  /** Under another {@code if}, {@code try} or {@code with}: may run at import. */
  CONDITIONAL("conditional"),
  /**
   * Added by Python, not written: importing {@code pkg.mod} first runs {@code pkg/__init__.py} (and
   * every parent package's).
   */
  IMPLICIT("implicit");

  private final String label;

  EdgeKind(String label) {
    this.label = label;
  }

  /** The name clients see: {@code module}, {@code typeChecking}, {@code function}, ... */
  public String label() {
    return label;
  }

  /** Whether the import runs while the importing module is being imported. */
  public boolean runsAtImport() {
    return this == MODULE || this == CONDITIONAL || this == IMPLICIT;
  }

  static EdgeKind of(ImportContext context) {
    return switch (context) {
      case MODULE_LEVEL, CLASS_BODY -> MODULE;
      case TYPE_CHECKING -> TYPE_CHECKING;
      case FUNCTION -> FUNCTION;
      case CONDITIONAL -> CONDITIONAL;
    };
  }
}
