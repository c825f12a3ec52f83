package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.StringLiteral;
import java.util.List;

/**
 * ORM104: {@code back_populates} names a relationship that does not point back. One-sided, or
 * naming another relationship to the same class, SQLAlchemy accepts silently (the two attributes
 * then drift apart in memory): a warning. Naming a relationship to another class is an error.
 */
public final class BackPopulatesNotReciprocal implements Rule {
  public static final String CODE = "ORM104";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    OrmModel model = ctx.model();
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      StringLiteral back = r.site().fact().backPopulates();
      MappedClass target = r.targetClass();
      if (back == null || target == null) {
        continue;
      }
      OrmModel.RelationshipSite other = model.relationship(target, back.value()).orElse(null);
      if (other == null || other.fact().conditional()) {
        continue;
      }
      ResolvedRelationship otherResolved = ctx.resolveSite().apply(other);
      Location otherLocation = new Location(other.file().path(), other.fact().attributeRange());
      String self = r.site().fact().attribute();
      MappedClass owner = r.site().owner();
      MappedClass otherTarget = otherResolved == null ? null : otherResolved.targetClass();
      if (otherTarget != null
          && !model.isSubclass(owner, otherTarget)
          && !model.isSubclass(otherTarget, owner)) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                back.literalRange(),
                "'"
                    + target.name()
                    + "."
                    + back.value()
                    + "' is a relationship to '"
                    + otherTarget.name()
                    + "', not to '"
                    + owner.name()
                    + "': SQLAlchemy raises ArgumentError (reverse_property '"
                    + back.value()
                    + "' ... does not reference mapper "
                    + Describe.mapper(owner)
                    + ") when configuring.",
                List.of(RuleContext.related(otherLocation, "the other side"))));
        continue;
      }
      StringLiteral otherBack = other.fact().backPopulates();
      if (otherBack == null
          && other.fact().backref() == null
          && !other.fact().mayPass("back_populates")
          && !other.fact().mayPass("backref")) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.WARNING,
                back.literalRange(),
                "one-sided back_populates: '"
                    + target.name()
                    + "."
                    + back.value()
                    + "' has no back_populates=\""
                    + self
                    + "\". SQLAlchemy accepts it silently, but changes to one side are not mirrored on the other until"
                    + " a reload.",
                List.of(RuleContext.related(otherLocation, "the other side"))));
      } else if (otherBack != null
          && !otherBack.value().equals(self)
          && model.relationship(owner, otherBack.value()).isPresent()) {
        // When the other side names a missing attribute, ORM103 reports that side instead.
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.WARNING,
                back.literalRange(),
                "'"
                    + target.name()
                    + "."
                    + back.value()
                    + "' points back at '"
                    + otherBack.value()
                    + "', not at '"
                    + self
                    + "': SQLAlchemy accepts it silently, but the two attributes are not kept in sync.",
                List.of(RuleContext.related(otherLocation, "the other side"))));
      }
    }
  }
}
