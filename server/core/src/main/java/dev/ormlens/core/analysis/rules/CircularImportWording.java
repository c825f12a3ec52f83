package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.imports.CircularImport;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.TargetExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How ORM201 explains a failing cycle: when it fails, why, and which import to move. */
final class CircularImportWording {
  private static final int NAMED_FIRST_IMPORTS = 3;

  private CircularImportWording() {}

  /** "when the application imports shop.parent first", or the entry module that fails. */
  static String when(ImportAnalysis.Finding finding, boolean configured) {
    List<String> entries = finding.entries();
    if (configured) {
      return "when entry module " + entries.get(0) + " is imported";
    }
    return "if the application imports "
        + firstImports(entries, finding.failure().modules())
        + " first (no entry module is configured, so ORM Lens cannot tell whether it does)";
  }

  /**
   * A few of the modules whose first import fails, the cycle's own first: a package that reaches
   * the cycle from hundreds of modules would otherwise list them all in one message.
   */
  static String firstImports(List<String> entries, List<String> cycle) {
    List<String> named =
        entries.stream()
            .sorted(
                Comparator.comparingInt(
                        (String m) -> cycle.contains(m) ? cycle.indexOf(m) : cycle.size())
                    .thenComparingInt(m -> m.split("\\.").length)
                    .thenComparing(Comparator.naturalOrder()))
            .limit(NAMED_FIRST_IMPORTS)
            .toList();
    String listed = String.join(" or ", named);
    int others = entries.size() - named.size();
    return others == 0
        ? listed
        : listed
            + " (or one of "
            + others
            + " other module"
            + (others == 1 ? "" : "s")
            + " that lead there)";
  }

  /** On the import that raises. */
  static String raising(CircularImport c, String when) {
    String name = c.name().name();
    CircularImport.Step start = c.chain().get(0);
    String usedAt = usedAtImport(c.file(), c.name().boundName());
    String advice =
        usedAt == null
            ? "Move this import under `if TYPE_CHECKING:` (and quote the annotations that use '"
                + name
                + "'), or into the function that needs it (a resolver)."
            : "This module needs '"
                + name
                + "' at import time ("
                + usedAt
                + "), so move the import in "
                + start.file().module()
                + " (line "
                + line(start.file(), start.statement().statementRange().start())
                + ") instead: below line "
                + line(start.file(), c.definition().range().start())
                + ", under `if TYPE_CHECKING:`, or into a resolver.";
    return "circular import: ImportError: cannot import name '"
        + name
        + "' from partially initialized module '"
        + c.partial()
        + "' "
        + when
        + ". "
        + c.partial()
        + " is still running its import of "
        + start.statement().module()
        + " (line "
        + line(start.file(), start.statement().statementRange().start())
        + ") and defines '"
        + name
        + "' only at line "
        + line(start.file(), c.definition().range().start())
        + ". "
        + advice;
  }

  /** On the import in the half-initialised module that starts the cycle. */
  static String starting(CircularImport c, String when) {
    String name = c.name().name();
    FileFacts partial = c.chain().get(0).file();
    return "circular import: this import runs "
        + String.join(" -> ", c.modules().subList(1, c.modules().size()))
        + " while "
        + c.partial()
        + " is half initialised, and "
        + c.file().module()
        + " imports '"
        + name
        + "' back before line "
        + line(partial, c.definition().range().start())
        + " defines it: ImportError "
        + when
        + ". Move this import below that line, or move one of the two imports under `if"
        + " TYPE_CHECKING:` or into a resolver function.";
  }

  private static int line(FileFacts f, int offset) {
    return f.lines().lineOf(offset) + 1;
  }

  /**
   * Where the module uses the imported name while it is being imported (a base class, a
   * relationship target or {@code secondary} written as a name, a foreign key expression), so the
   * import cannot move under {@code TYPE_CHECKING}; null when it is only used lazily.
   */
  private static String usedAtImport(FileFacts file, String bound) {
    List<NameRef> uses = new ArrayList<>();
    for (ClassFact c : file.classes()) {
      uses.addAll(c.bases());
      uses.addAll(c.decorators());
      for (RelationshipFact r : c.relationships()) {
        if (r.target() instanceof TargetExpr.Name n) {
          uses.add(n.name());
        }
        if (r.secondary() instanceof SecondaryExpr.Name n) {
          uses.add(n.name());
        } else if (r.secondary() instanceof SecondaryExpr.TableOf t) {
          uses.add(t.mappedClass());
        }
      }
      c.columns().forEach(col -> col.foreignKeys().forEach(fk -> addExpression(fk, uses)));
    }
    for (NameRef u : uses) {
      String head = u.written().split("\\.")[0];
      if (head.equals(bound)) {
        return "line " + line(file, u.range().start());
      }
    }
    return null;
  }

  private static void addExpression(ForeignKeyFact fk, List<NameRef> out) {
    if (fk.expression() != null) {
      out.add(fk.expression());
    }
  }
}
