package dev.ormlens.core.model;

/** Where an import statement sits, which decides when (and whether) it runs. */
public enum ImportContext {
  /** Module level: runs when the module is imported. */
  MODULE_LEVEL,
  /** Under {@code if TYPE_CHECKING:}: never runs. */
  TYPE_CHECKING,
  /** Inside a function body: runs when the function is called. */
  FUNCTION,
  /** Inside a class body: runs while the class is being defined. */
  CLASS_BODY,
  /** Under another {@code if}/{@code try} at module level: may run. */
  CONDITIONAL
}
