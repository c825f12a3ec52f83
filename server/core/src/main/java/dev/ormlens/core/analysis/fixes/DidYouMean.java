package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedForeignKey;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.StringLiteral;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Replaces an unresolved name in a string with the closest names that exist: a class (ORM101), a
 * table (ORM102), a relationship for {@code back_populates} (ORM103), a table or column in {@code
 * ForeignKey("table.column")} (ORM105). Unsafe: the closest name is a guess.
 */
final class DidYouMean implements QuickFix {
  static final String ID = "did-you-mean";
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM101", "ORM102", "ORM103", "ORM105");
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    List<Offer> out = new ArrayList<>();
    OrmModel model = ctx.model();
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      RelationshipFact f = r.site().fact();
      String registry = r.site().owner().registryId();
      if (f.target() instanceof TargetExpr.Text t
          && r.target() instanceof Lookup.NotFound
          && ctx.touches(t.literal().literalRange())) {
        offer(
            out,
            ctx,
            t.literal().contentRange(),
            t.literal().value(),
            model.classNames(registry),
            "ORM101");
      }
      if (f.secondary() instanceof SecondaryExpr.Text s
          && r.secondary() instanceof Lookup.NotFound
          && ctx.touches(s.literal().literalRange())) {
        offer(
            out,
            ctx,
            s.literal().contentRange(),
            s.literal().value(),
            model.allTables(model.metadataOf(registry)).keySet(),
            "ORM102");
      }
      StringLiteral back = f.backPopulates();
      MappedClass target = r.targetClass();
      if (back != null
          && target != null
          && ctx.touches(back.literalRange())
          && model.relationship(target, back.value()).isEmpty()
          && !model.hasAttribute(target, back.value())) {
        List<String> names = new ArrayList<>();
        for (MappedClass c = target;
            c != null;
            c = c.superclass() == null ? null : model.mappedClass(c.superclass()).orElse(null)) {
          c.relationships().forEach(s -> names.add(s.fact().attribute()));
        }
        offer(out, ctx, back.contentRange(), back.value(), names, "ORM103");
      }
    }
    for (ResolvedForeignKey fk : ctx.resolution().foreignKeys()) {
      StringLiteral lit = fk.foreignKey().target();
      if (lit == null || !ctx.touches(lit.literalRange()) || lit.value().indexOf('.') <= 0) {
        continue;
      }
      int dot = lit.value().lastIndexOf('.');
      TextRange content = lit.contentRange();
      if (fk.table() == null) {
        offer(
            out,
            ctx,
            new TextRange(content.start(), content.start() + dot),
            fk.tableKey(),
            model.allTables(fk.metadataId()).keySet(),
            "ORM105");
      } else if (fk.column() == null && fk.table().complete()) {
        List<String> columns =
            fk.table().columns().stream().map(ColumnSite::fact).map(c -> c.name()).toList();
        offer(
            out,
            ctx,
            new TextRange(content.start() + dot + 1, content.end()),
            lit.value().substring(dot + 1),
            columns,
            "ORM105");
      }
    }
    return out;
  }

  private void offer(
      List<Offer> out,
      FixContext ctx,
      TextRange range,
      String written,
      Collection<String> candidates,
      String code) {
    for (String c : closest(written, candidates)) {
      out.add(
          Offer.of(
              ID,
              "Change '" + written + "' to '" + c + "'",
              "quickfix",
              false,
              List.of(code),
              () -> {
                EditSet edits = new EditSet();
                edits.replace(ctx.path(), range, c);
                return edits;
              }));
    }
  }

  /** The names within a small edit distance, best first, at most three. */
  static List<String> closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    record Scored(String name, int distance) {}
    return candidates.stream()
        .filter(c -> !c.equals(name))
        .map(c -> new Scored(c, DISTANCE.apply(lower, c.toLowerCase(Locale.ROOT))))
        .filter(s -> s.distance() >= 0 && s.distance() <= Math.max(1, name.length() / 3))
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name)
        .distinct()
        .limit(3)
        .toList();
  }
}
