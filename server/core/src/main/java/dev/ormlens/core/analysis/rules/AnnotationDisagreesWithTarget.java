package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import java.util.List;

/**
 * ORM107: the {@code Mapped[...]} annotation names one class and {@code relationship()} another.
 * SQLAlchemy follows the relationship's argument, so type checkers and the running code disagree.
 */
public final class AnnotationDisagreesWithTarget implements Rule {
  public static final String CODE = "ORM107";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      if (r.target() instanceof Lookup.FoundClass t
          && r.annotationTarget() instanceof Lookup.FoundClass a
          && !t.mappedClass().qualifiedName().equals(a.mappedClass().qualifiedName())
          && !ctx.model().isSubclass(t.mappedClass(), a.mappedClass())) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.WARNING,
                r.site().fact().annotation().target().range(),
                "the annotation says '"
                    + a.mappedClass().name()
                    + "' but relationship() targets '"
                    + t.mappedClass().name()
                    + "': SQLAlchemy loads '"
                    + t.mappedClass().name()
                    + "', so type checkers see the wrong class.",
                List.of(
                    RuleContext.related(
                        new Location(
                            t.mappedClass().file().path(), t.mappedClass().fact().nameRange()),
                        "the relationship's target"))));
      }
    }
  }
}
