package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.model.RelationshipFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Silences SQLAlchemy's overlap warning (ORM301, {@code SAWarning} qzyx) the way it asks: {@code
 * overlaps="a,b"} naming the relationships that write the same columns. Behaviour is unchanged, so
 * it is safe.
 */
final class AddOverlaps implements QuickFix {
  static final String ID = "add-overlaps";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM301");
  }

  @Override
  public Optional<Offer> forFixAll(FixContext ctx) {
    return QuickFix.broadest(offers(ctx));
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    PythonText text = ctx.text(ctx.path()).orElse(null);
    if (text == null) {
      return List.of();
    }
    List<Offer> out = new ArrayList<>();
    Map<RelationshipFact, Set<String>> all = new LinkedHashMap<>();
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      Set<String> names = Overlaps.conflicting(ctx.analysis(), r);
      // SQLModel's Relationship() raises TypeError on overlaps=.
      if (names.isEmpty() || OrmModel.isSqlModel(r.site().owner().registryId())) {
        continue;
      }
      RelationshipFact fact = r.site().fact();
      all.put(fact, names);
      if (ctx.touches(fact.statementRange())) {
        out.add(
            Offer.of(
                ID,
                "Add overlaps=\""
                    + String.join(",", merged(fact, names))
                    + "\" to '"
                    + fact.attribute()
                    + "'",
                "quickfix",
                true,
                codes(),
                () -> edits(ctx.path(), text, Map.of(fact, names))));
      }
    }
    if (all.size() > 1 && (!out.isEmpty() || ctx.hasDiagnostic("ORM301"))) {
      out.add(
          Offer.of(
              ID,
              "Add overlaps= to every overlapping relationship in this file",
              "quickfix",
              true,
              codes(),
              () -> edits(ctx.path(), text, all)));
    }
    return out;
  }

  private static EditSet edits(
      String path, PythonText text, Map<RelationshipFact, Set<String>> relationships) {
    EditSet edits = new EditSet();
    relationships.forEach((f, names) -> edit(edits, path, text, f, names));
    return edits;
  }

  private static void edit(
      EditSet edits, String path, PythonText text, RelationshipFact f, Set<String> names) {
    String value = String.join(",", merged(f, names));
    if (f.overlaps() != null) {
      edits.replace(path, f.overlaps().contentRange(), value);
    } else {
      CallArguments.addKeyword(edits, path, text, f.callRange(), "overlaps=" + text.quoted(value));
    }
  }

  private static Set<String> merged(RelationshipFact f, Set<String> names) {
    Set<String> all = new TreeSet<>(names);
    if (f.overlaps() != null) {
      for (String n : f.overlaps().value().split("[,\\s]+")) {
        if (!n.isEmpty()) {
          all.add(n);
        }
      }
    }
    return all;
  }
}
