package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.ImportFact.ImportedName;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse of {@link MoveImportsUnderTypeChecking}: a name imported only under {@code if
 * TYPE_CHECKING:} but needed when the module runs (a base class, a decorator, a default, a direct
 * relationship argument, an eagerly evaluated annotation) raises {@code NameError}; import it at
 * module level. Unsafe: the new run-time import may close an import cycle.
 */
final class MoveImportOutOfTypeChecking implements QuickFix {
  static final String ID = "move-import-out-of-type-checking";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of();
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    FileFacts file = ctx.file().orElse(null);
    PythonText text = ctx.text(ctx.path()).orElse(null);
    if (file == null || text == null) {
      return List.of();
    }
    List<Offer> out = new ArrayList<>();
    for (ImportFact f : file.imports()) {
      if (f.context() != ImportContext.TYPE_CHECKING || !f.fromImport()) {
        continue;
      }
      List<ImportedName> needed = new ArrayList<>();
      boolean touched = ctx.touches(f.statementRange());
      for (ImportedName n : f.names()) {
        List<Integer> uses = NameUses.runtime(file, text, n.boundName());
        if (!uses.isEmpty()) {
          needed.add(n);
          int length = n.boundName().length();
          touched |= uses.stream().anyMatch(u -> ctx.touches(new TextRange(u, u + length)));
        }
      }
      if (!needed.isEmpty() && touched) {
        out.add(fix(file, text, f, needed));
      }
    }
    return out;
  }

  private static Offer fix(FileFacts file, PythonText text, ImportFact f, List<ImportedName> move) {
    List<String> names = move.stream().map(ImportedName::boundName).toList();
    return Offer.of(
        ID,
        "Import " + MoveImportsUnderTypeChecking.quotedList(names) + " at run time",
        "quickfix",
        false,
        List.of(),
        () -> edits(file, text, f, move));
  }

  private static EditSet edits(
      FileFacts file, PythonText text, ImportFact f, List<ImportedName> move) {
    EditSet edits = new EditSet();
    String module = text.text().substring(f.moduleRange().start(), f.moduleRange().end());
    List<String> parts = new ArrayList<>();
    move.forEach(n -> parts.add(n.alias() == null ? n.name() : n.name() + " as " + n.alias()));
    String statement = "from " + module + " import " + String.join(", ", parts) + text.newline();
    List<ImportedName> kept = new ArrayList<>(f.names());
    kept.removeAll(move);
    TextRange block = text.typeCheckingBlock();
    boolean onlyStatement =
        kept.isEmpty()
            && block != null
            && file.imports().stream()
                    .filter(i -> i.context() == ImportContext.TYPE_CHECKING)
                    .filter(i -> block.contains(i.statementRange().start()))
                    .count()
                == 1
            && blockHoldsOnlyImports(text, block, f);
    if (onlyStatement) {
      edits.replace(file.path(), block, statement);
    } else {
      if (kept.isEmpty()) {
        edits.replace(file.path(), ImportStatements.lines(text, f), "");
      } else {
        ImportStatements.keepOnly(edits, file.path(), text.text(), f, kept);
      }
      int at = new ImportPlan(file, text).insertionPoint();
      if (block != null && at > block.start()) {
        at = block.start();
      }
      edits.insert(file.path(), at, statement);
    }
    return edits;
  }

  private static boolean blockHoldsOnlyImports(PythonText text, TextRange block, ImportFact f) {
    String body = text.text().substring(block.start(), block.end());
    String statement = text.text().substring(f.statementRange().start(), f.statementRange().end());
    String rest = body.replace(statement, "");
    int colon = rest.indexOf(':');
    return colon >= 0 && rest.substring(colon + 1).lines().allMatch(PythonText::isCommentOrBlank);
  }
}
