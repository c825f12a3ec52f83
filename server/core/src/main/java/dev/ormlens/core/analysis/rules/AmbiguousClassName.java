package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * ORM106: an unqualified class name matching several classes in one registry. SQLAlchemy raises
 * {@code InvalidRequestError: Multiple classes found for path} at configuration; duplicate names
 * are harmless until a string names one.
 */
public final class AmbiguousClassName implements Rule {
  public static final String CODE = "ORM106";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      TargetExpr t = r.site().fact().target();
      if (r.target() instanceof Lookup.Ambiguous a && t instanceof TargetExpr.Text text) {
        report(ctx, a, text.literal().literalRange(), text.literal().value(), out);
      } else if (t == null && r.annotationTarget() instanceof Lookup.Ambiguous a) {
        var target = r.site().fact().annotation().target();
        report(ctx, a, target.range(), target.written(), out);
      }
    }
  }

  private void report(
      RuleContext ctx, Lookup.Ambiguous a, TextRange range, String name, List<Diagnostic> out) {
    List<Diagnostic.Related> related = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (MappedClass c : a.candidates()) {
      related.add(
          RuleContext.related(
              new Location(c.file().path(), c.fact().nameRange()), c.qualifiedName()));
      paths.add("'" + c.qualifiedName() + "'");
    }
    out.add(
        ctx.diagnostic(
            CODE,
            Severity.ERROR,
            range,
            "several mapped classes are named '"
                + name
                + "': SQLAlchemy raises InvalidRequestError (Multiple classes"
                + " found for path \""
                + name
                + "\") when configuring. Use a module-qualified path: "
                + String.join(" or ", paths)
                + ".",
            related));
  }
}
