package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.ImportFact.ImportedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves imports of workspace modules that are used only in annotations or strings under {@code if
 * TYPE_CHECKING:}, which breaks a circular import (ORM201, the article's problem 1) without
 * changing what any annotation means. The rest of a statement stays where it is.
 */
final class MoveImportsUnderTypeChecking implements QuickFix {
  static final String ID = "move-imports-under-type-checking";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM201");
  }

  @Override
  public java.util.Optional<Offer> forFixAll(FixContext ctx) {
    return QuickFix.broadest(offers(ctx));
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    FileFacts file = ctx.file().orElse(null);
    PythonText text = ctx.text(ctx.path()).orElse(null);
    if (file == null || text == null || file.packageInit()) {
      return List.of();
    }
    List<ImportFact> movable = new ArrayList<>();
    ImportFact here = null;
    for (ImportFact f : file.imports()) {
      if (!movableNames(ctx, file, text, f).isEmpty()) {
        movable.add(f);
        if (ctx.touches(f.statementRange()) && here == null) {
          here = f;
        }
      }
    }
    List<Offer> out = new ArrayList<>();
    if (here != null) {
      List<String> names =
          movableNames(ctx, file, text, here).stream().map(ImportedName::boundName).toList();
      out.add(
          fix(
              ctx,
              file,
              text,
              List.of(here),
              "Move import of " + quotedList(names) + " under TYPE_CHECKING"));
    }
    boolean offerAll = here != null || ctx.hasDiagnostic("ORM201");
    if (offerAll && !movable.isEmpty() && (here == null || movable.size() > 1)) {
      out.add(
          fix(
              ctx,
              file,
              text,
              movable,
              "Move every annotation-only import in this file under TYPE_CHECKING"));
    }
    return out;
  }

  private static Offer fix(
      FixContext ctx, FileFacts file, PythonText text, List<ImportFact> statements, String title) {
    return Offer.of(
        ID, title, "quickfix", true, List.of("ORM201"), () -> edits(ctx, file, text, statements));
  }

  private static EditSet edits(
      FixContext ctx, FileFacts file, PythonText text, List<ImportFact> statements) {
    EditSet edits = new EditSet();
    ImportPlan plan = new ImportPlan(file, text);
    for (ImportFact f : statements) {
      List<ImportedName> move = movableNames(ctx, file, text, f);
      if (move.size() == f.names().size() && ImportStatements.ownsItsLines(text, f)) {
        plan.typeCheckingStatement(ImportStatements.dedented(text, f));
        edits.replace(file.path(), ImportStatements.lines(text, f), "");
      } else {
        List<ImportedName> kept = new ArrayList<>(f.names());
        kept.removeAll(move);
        if (kept.isEmpty()) {
          continue;
        }
        ImportStatements.keepOnly(edits, file.path(), text.text(), f, kept);
        List<String> parts = new ArrayList<>();
        move.forEach(n -> parts.add(n.alias() == null ? n.name() : n.name() + " as " + n.alias()));
        plan.typeCheckingStatement(
            "from "
                + text.text().substring(f.moduleRange().start(), f.moduleRange().end())
                + " import "
                + String.join(", ", parts));
      }
    }
    plan.emit(edits);
    return edits;
  }

  /** Names of a module-level import of a workspace module that run-time code never uses. */
  static List<ImportedName> movableNames(
      FixContext ctx, FileFacts file, PythonText text, ImportFact f) {
    if (!f.fromImport()
        || f.context() != ImportContext.MODULE_LEVEL
        || ctx.analysis().index().module(f.module()).isEmpty()) {
      return List.of();
    }
    List<ImportedName> out = new ArrayList<>();
    for (ImportedName n : f.names()) {
      String bound = n.boundName();
      if (!bound.equals("*")
          && NameUses.runtime(file, text, bound).isEmpty()
          && NameUses.usedLazily(file, text, bound)) {
        out.add(n);
      }
    }
    return out;
  }

  static String quotedList(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
