package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * ORM101: a relationship target that names no mapped class in the owner's registry. SQLAlchemy
 * raises {@code InvalidRequestError ... failed to locate a name} at mapper configuration; a direct
 * name that does not exist at run time raises {@code NameError} at import.
 */
public final class UnknownRelationshipTarget implements Rule {
  public static final String CODE = "ORM101";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      TargetExpr t = r.site().fact().target();
      if (t != null) {
        report(ctx, r, r.target(), rangeOf(t), written(t), t, out);
      } else if (r.site().fact().annotation() != null) {
        var a = r.site().fact().annotation();
        report(ctx, r, r.annotationTarget(), a.target().range(), a.target().written(), null, out);
      }
    }
    for (var u : ctx.resolution().unknownExpressionNames()) {
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              u.range(),
              "no mapped class or table named '"
                  + u.name()
                  + "' in "
                  + u.keyword()
                  + "=: SQLAlchemy raises InvalidRequestError when configuring "
                  + Describe.mapper(u.site().owner())
                  + " (expression failed to locate a name)."
                  + Describe.didYouMean(
                      Describe.closest(
                          u.name(), ctx.model().classNames(u.site().owner().registryId()))),
              List.of()));
    }
  }

  private void report(
      RuleContext ctx,
      ResolvedRelationship r,
      Lookup lookup,
      TextRange range,
      String name,
      TargetExpr t,
      List<Diagnostic> out) {
    String mapper = Describe.mapper(r.site().owner());
    if (t instanceof TargetExpr.Name n && n.name().binding() == Binding.TYPE_CHECKING_ONLY) {
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              range,
              "'"
                  + name
                  + "' is imported only under TYPE_CHECKING, so it does not exist when this class body runs:"
                  + " Python raises NameError on import. Pass the class name as a string or a lazy resolver.",
              List.of()));
      return;
    }
    if (lookup instanceof Lookup.NotFound nf) {
      List<String> suggestions =
          Describe.closest(lastPart(name), ctx.model().classNames(r.site().owner().registryId()));
      String why = nf.why() != null ? " (" + nf.why() + ")" : "";
      String message =
          t instanceof TargetExpr.Name || t instanceof TargetExpr.Lambda
              ? "'"
                  + name
                  + "' is not defined: Python raises NameError when this relationship is evaluated"
                  + why
                  + "."
              : "no mapped class named '"
                  + name
                  + "': SQLAlchemy raises "
                  + Describe.unlocatedTarget(name, r.site().owner())
                  + why
                  + ".";
      out.add(
          ctx.diagnostic(
              CODE, Severity.ERROR, range, message + Describe.didYouMean(suggestions), List.of()));
    } else if (lookup instanceof Lookup.IsModule m) {
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              range,
              "no mapped class named '"
                  + name
                  + "', but '"
                  + m.token()
                  + "' is a module name: SQLAlchemy resolves it"
                  + " to the module and fails when configuring "
                  + mapper
                  + ".",
              List.of()));
    } else if (lookup instanceof Lookup.FoundTable ft) {
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              range,
              "'"
                  + name
                  + "' is a table, not a mapped class: relationship() raises ArgumentError when configuring "
                  + mapper
                  + ".",
              List.of(
                  RuleContext.related(
                      new dev.ormlens.core.analysis.Location(
                          ft.table().file().path(), ft.table().nameRange()),
                      "the table"))));
    } else if (lookup instanceof Lookup.NotMapped nm) {
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              range,
              "'"
                  + nm.qualifiedName()
                  + "' is not a mapped class: relationship() raises ArgumentError when configuring "
                  + mapper
                  + ".",
              List.of()));
    }
  }

  static TextRange rangeOf(TargetExpr t) {
    if (t instanceof TargetExpr.Lambda l) {
      return l.body().range();
    }
    return t.range();
  }

  private static String written(TargetExpr t) {
    if (t instanceof TargetExpr.Text s) {
      return s.literal().value();
    }
    if (t instanceof TargetExpr.Name n) {
      return n.name().written();
    }
    if (t instanceof TargetExpr.Lambda l) {
      return l.body().written();
    }
    return ((TargetExpr.Opaque) t).text();
  }

  private static String lastPart(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
