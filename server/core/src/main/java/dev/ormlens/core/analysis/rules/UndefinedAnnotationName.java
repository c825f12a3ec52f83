package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.model.AnnotationFact;
import dev.ormlens.core.model.AnnotationName;
import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.ClassFact;
import java.util.List;

/**
 * ORM203: a name used in an annotation that is neither imported (at run time or under {@code
 * TYPE_CHECKING}) nor defined.
 *
 * <p>What happens depends on who evaluates it. An annotation Python evaluates at class creation
 * raises {@code NameError}. A lazy one (a string, or {@code from __future__ import annotations}) in
 * a mapped class is evaluated by SQLAlchemy's declarative scan, which raises {@code
 * MappedAnnotationError} for a name it cannot resolve, except for the target class of a
 * relationship, which it looks up in its registry by name: that works, but type checkers and
 * editors cannot see the name. In a class that is not mapped, nothing evaluates a lazy annotation,
 * so an undefined name there is a type checker's finding, not ours.
 *
 * <p>The rule reads model files only (a file that maps at least one class): elsewhere an annotation
 * is ordinary Python that linters and type checkers already judge.
 */
public final class UndefinedAnnotationName implements Rule {
  public static final String CODE = "ORM203";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (AnnotationName a : ctx.file().annotationNames()) {
      if (a.name().binding() != Binding.UNBOUND) {
        continue;
      }
      String name = a.name().written();
      int at = a.name().range().start();
      if (!a.lazy()) {
        out.add(
            error(
                ctx,
                a,
                "'"
                    + name
                    + "' is neither imported nor defined: Python raises NameError when it creates"
                    + " the class and evaluates this annotation. Import it, or quote the annotation"
                    + " and import it under `if TYPE_CHECKING:`."));
        continue;
      }
      ResolvedRelationship target = relationshipAnnotatedWith(ctx, at);
      if (target != null) {
        if (target.annotationTarget() instanceof Lookup.FoundClass) {
          out.add(
              ctx.diagnostic(
                  CODE,
                  Severity.WARNING,
                  a.name().range(),
                  "'"
                      + name
                      + "' is neither imported nor defined in this module: SQLAlchemy finds the"
                      + " class by name in its registry, but type checkers and editors cannot."
                      + " Import it under `if TYPE_CHECKING:`.",
                  List.of()));
        }
        continue; // A class SQLAlchemy cannot find either is ORM101's finding.
      }
      if (inMappedClass(ctx, at)) {
        out.add(
            error(
                ctx,
                a,
                "'"
                    + name
                    + "' is neither imported nor defined: SQLAlchemy evaluates the Mapped[...]"
                    + " annotation when it maps the class and raises MappedAnnotationError"
                    + " (could not resolve the annotation). Import it at module level."));
      }
    }
  }

  private static Diagnostic error(RuleContext ctx, AnnotationName a, String message) {
    return ctx.diagnostic(CODE, Severity.ERROR, a.name().range(), message, List.of());
  }

  /** The relationship whose annotation names its target class at this offset, if any. */
  private static ResolvedRelationship relationshipAnnotatedWith(RuleContext ctx, int offset) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      AnnotationFact a = r.site().fact().annotation();
      if (a != null && a.target() != null && a.target().range().start() == offset) {
        return r;
      }
    }
    return null;
  }

  private static boolean inMappedClass(RuleContext ctx, int offset) {
    for (ClassFact c : ctx.file().classes()) {
      if (c.range().contains(offset)) {
        // A class on a base we cannot see may not be mapped at all: no claim about its scan.
        return ctx.model()
            .mappedClass(ctx.file(), c)
            .filter(m -> !dev.ormlens.core.index.OrmModel.isOpen(m.registryId()))
            .isPresent();
      }
    }
    return false;
  }
}
