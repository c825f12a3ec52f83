package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * ORM102: {@code secondary=} names no table in the owner's metadata (SQLAlchemy: {@code failed to
 * locate a name} at configuration), or names the association class instead of its table ({@code
 * ArgumentError}).
 */
public final class UnknownSecondaryTable implements Rule {
  public static final String CODE = "ORM102";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      SecondaryExpr s = r.site().fact().secondary();
      if (s == null) {
        continue;
      }
      SecondaryExpr inner = s instanceof SecondaryExpr.Lambda l ? l.body() : s;
      TextRange range = inner.range();
      String name = written(inner);
      String mapper = Describe.mapper(r.site().owner());
      OrmModel model = ctx.model();
      if (r.secondary() instanceof Lookup.NotFound) {
        String metadata = model.metadataOf(r.site().owner().registryId());
        List<String> suggestions = Describe.closest(name, model.allTables(metadata).keySet());
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                range,
                "no table named '"
                    + name
                    + "' in the metadata of this registry: SQLAlchemy raises InvalidRequestError"
                    + " when configuring "
                    + mapper
                    + " (expression '"
                    + name
                    + "' failed to locate a name)."
                    + Describe.didYouMean(suggestions),
                List.of()));
      } else if (r.secondary() instanceof Lookup.FoundClass fc
          && !(inner instanceof SecondaryExpr.Call)) {
        String table = fc.mappedClass().tableKey();
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                range,
                "secondary= names the mapped class '"
                    + fc.mappedClass().name()
                    + "', not a table: SQLAlchemy raises"
                    + " ArgumentError when configuring "
                    + mapper
                    + "."
                    + (table != null ? " Use its table, '" + table + "'." : ""),
                List.of(
                    RuleContext.related(
                        new Location(
                            fc.mappedClass().file().path(), fc.mappedClass().fact().nameRange()),
                        "the class"))));
      }
    }
  }

  private static String written(SecondaryExpr s) {
    if (s instanceof SecondaryExpr.Text t) {
      return t.literal().value();
    }
    if (s instanceof SecondaryExpr.Name n) {
      return n.name().written();
    }
    if (s instanceof SecondaryExpr.TableOf t) {
      return t.mappedClass().written() + ".__table__";
    }
    if (s instanceof SecondaryExpr.Call c) {
      return c.arguments().isEmpty() ? c.function().written() : c.arguments().get(0).written();
    }
    return s.range().toString();
  }
}
