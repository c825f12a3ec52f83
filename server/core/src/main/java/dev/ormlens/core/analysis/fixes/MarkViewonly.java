package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The other answer to an overlap (ORM301): make this side read-only with {@code viewonly=True}.
 * Unsafe: changes to this relationship are no longer written.
 */
final class MarkViewonly implements QuickFix {
  static final String ID = "mark-viewonly";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of("ORM301");
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    PythonText text = ctx.text(ctx.path()).orElse(null);
    List<Offer> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      if (ctx.touches(r.site().fact().statementRange())
          && !OrmModel.isSqlModel(r.site().owner().registryId())
          && !Overlaps.conflicting(ctx.analysis(), r).isEmpty()) {
        out.add(
            Offer.of(
                ID,
                "Make '" + r.site().fact().attribute() + "' read-only (viewonly=True)",
                "quickfix",
                false,
                codes(),
                () -> {
                  EditSet edits = new EditSet();
                  CallArguments.addKeyword(
                      edits, ctx.path(), text, r.site().fact().callRange(), "viewonly=True");
                  return edits;
                }));
      }
    }
    return out;
  }
}
