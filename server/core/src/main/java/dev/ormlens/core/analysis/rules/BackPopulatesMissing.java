package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.StringLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * ORM103: {@code back_populates} names an attribute the target class does not have, or one that is
 * not a relationship; or {@code backref} names an attribute the target already has. SQLAlchemy
 * raises {@code InvalidRequestError}/{@code ArgumentError} at mapper configuration.
 */
public final class BackPopulatesMissing implements Rule {
  public static final String CODE = "ORM103";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    OrmModel model = ctx.model();
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      backrefClash(ctx, r, out);
      StringLiteral back = r.site().fact().backPopulates();
      MappedClass target = r.targetClass();
      if (back == null || target == null || !model.isComplete(target)) {
        continue;
      }
      String name = back.value();
      if (model.relationship(target, name).isPresent() || createdByBackref(ctx, target, name)) {
        continue;
      }
      Location targetLocation = new Location(target.file().path(), target.fact().nameRange());
      if (model.hasAttribute(target, name)) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                back.literalRange(),
                "back_populates names '"
                    + target.name()
                    + "."
                    + name
                    + "', which is not a relationship: SQLAlchemy"
                    + " raises when configuring "
                    + Describe.mapper(r.site().owner())
                    + ".",
                List.of(RuleContext.related(targetLocation, "the target class"))));
        continue;
      }
      List<String> relationshipNames = new ArrayList<>();
      for (MappedClass c = target;
          c != null;
          c = c.superclass() == null ? null : model.mappedClass(c.superclass()).orElse(null)) {
        c.relationships().forEach(s -> relationshipNames.add(s.fact().attribute()));
      }
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              back.literalRange(),
              "'"
                  + target.name()
                  + "' has no relationship '"
                  + name
                  + "': SQLAlchemy raises InvalidRequestError when"
                  + " configuring "
                  + Describe.mapper(r.site().owner())
                  + " ("
                  + Describe.mapper(target)
                  + " has no property '"
                  + name
                  + "')."
                  + Describe.didYouMean(Describe.closest(name, relationshipNames)),
              List.of(RuleContext.related(targetLocation, "the target class"))));
    }
  }

  /** Whether some relationship to {@code target}'s class declares {@code backref=name}. */
  static boolean createdByBackref(RuleContext ctx, MappedClass target, String name) {
    return ctx.backrefsTo().apply(target).contains(name);
  }

  /**
   * {@code backref="name"} where the target already has an attribute of that name: SQLAlchemy
   * raises {@code ArgumentError} (Error creating backref ... property of that name exists).
   */
  private static void backrefClash(RuleContext ctx, ResolvedRelationship r, List<Diagnostic> out) {
    StringLiteral backref = r.site().fact().backref();
    MappedClass target = r.targetClass();
    if (backref == null || target == null || !ctx.model().hasAttribute(target, backref.value())) {
      return;
    }
    out.add(
        ctx.diagnostic(
            CODE,
            Severity.ERROR,
            backref.literalRange(),
            "backref '"
                + backref.value()
                + "' clashes with the existing attribute '"
                + target.name()
                + "."
                + backref.value()
                + "': SQLAlchemy raises ArgumentError (Error creating backref) when configuring "
                + Describe.mapper(r.site().owner())
                + ".",
            List.of(
                RuleContext.related(
                    new Location(target.file().path(), target.fact().nameRange()),
                    "the target class"))));
  }
}
