package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.model.RelationshipFact;
import java.util.ArrayList;
import java.util.List;
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
  public Optional<Fix> forFixAll(FixContext ctx) {
    return QuickFix.broadest(fixes(ctx));
  }

  @Override
  public List<Fix> fixes(FixContext ctx) {
    PythonText text = ctx.text(ctx.path()).orElse(null);
    if (text == null) {
      return List.of();
    }
    List<Fix> out = new ArrayList<>();
    EditSet all = new EditSet();
    int count = 0;
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      Set<String> names = Overlaps.conflicting(ctx.analysis(), r);
      if (names.isEmpty()) {
        continue;
      }
      EditSet one = new EditSet();
      edit(one, ctx.path(), text, r.site().fact(), names);
      edit(all, ctx.path(), text, r.site().fact(), names);
      count++;
      if (ctx.touches(r.site().fact().statementRange())) {
        out.add(
            one.fix(
                ID,
                "Add overlaps=\""
                    + String.join(",", merged(r.site().fact(), names))
                    + "\" to '"
                    + r.site().fact().attribute()
                    + "'",
                "quickfix",
                true,
                codes()));
      }
    }
    if (count > 1 && (!out.isEmpty() || ctx.hasDiagnostic("ORM301"))) {
      out.add(
          all.fix(
              ID,
              "Add overlaps= to every overlapping relationship in this file",
              "quickfix",
              true,
              codes()));
    }
    return out;
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
