package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The article's fix, done right: rewrite a relationship's direct, string or lambda target and its
 * {@code secondary} to lazy resolver suppliers. Offered for the relationship under the cursor, its
 * class, its file and the whole workspace; a refactoring, since which modules get imported when
 * changes (see ORM202).
 */
final class ConvertToLazyResolver implements QuickFix {
  static final String ID = "convert-to-lazy-resolver";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<String> codes() {
    return List.of();
  }

  @Override
  public Optional<Offer> forFixAll(FixContext ctx) {
    // The broadest scope only: the narrower ones would be thrown away.
    boolean any =
        ctx.resolution().relationships().stream()
            .anyMatch(
                r ->
                    ctx.touches(r.site().fact().statementRange())
                        && ResolverPlan.convertible(ctx, r));
    List<Offer> out = new ArrayList<>();
    if (any) {
      add(out, ctx, "Convert every relationship in the workspace to lazy resolvers", r -> true);
    }
    return QuickFix.broadest(out);
  }

  @Override
  public List<Offer> offers(FixContext ctx) {
    List<ResolvedRelationship> here = new ArrayList<>();
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      if (ctx.touches(r.site().fact().statementRange()) && ResolverPlan.convertible(ctx, r)) {
        here.add(r);
      }
    }
    List<Offer> out = new ArrayList<>();
    if (here.isEmpty()) {
      return out;
    }
    ResolvedRelationship first = here.get(0);
    MappedClass owner = first.site().owner();
    List<List<ResolvedRelationship>> scopes = new ArrayList<>();
    add(
        out,
        scopes,
        ctx,
        "Convert '" + first.site().fact().attribute() + "' to lazy resolvers",
        r -> here.contains(r));
    add(
        out,
        scopes,
        ctx,
        "Convert the relationships of '" + owner.name() + "' to lazy resolvers",
        r -> r.site().owner().qualifiedName().equals(owner.qualifiedName()));
    add(
        out,
        scopes,
        ctx,
        "Convert the relationships in this file to lazy resolvers",
        r -> r.site().file().path().equals(ctx.path()));
    add(
        out,
        scopes,
        ctx,
        "Convert every relationship in the workspace to lazy resolvers",
        r -> true);
    return out;
  }

  private static void add(
      List<Offer> out, FixContext ctx, String title, Predicate<ResolvedRelationship> scope) {
    add(out, new ArrayList<>(), ctx, title, scope);
  }

  /**
   * Offers the fix for the relationships {@code scope} accepts, unless a narrower scope already
   * converts the same relationships: the plan is a function of that list, so equal lists would
   * write equal edits.
   */
  private static void add(
      List<Offer> out,
      List<List<ResolvedRelationship>> scopes,
      FixContext ctx,
      String title,
      Predicate<ResolvedRelationship> scope) {
    List<ResolvedRelationship> converted = new ArrayList<>();
    for (ResolvedRelationship r : relationships(ctx)) {
      if (scope.test(r) && ResolverPlan.convertible(ctx, r)) {
        converted.add(r);
      }
    }
    if (converted.isEmpty() || scopes.contains(converted)) {
      return;
    }
    scopes.add(converted);
    out.add(
        Offer.of(
            ID,
            title,
            ResolverPlan.KIND,
            ResolverPlan.SAFE,
            List.of(),
            () -> {
              ResolverPlan plan = new ResolverPlan(ctx);
              converted.forEach(plan::convert);
              return plan.edits();
            }));
  }

  private static List<ResolvedRelationship> relationships(FixContext ctx) {
    List<ResolvedRelationship> all = new ArrayList<>();
    ctx.analysis().index().files().stream()
        .sorted(Comparator.comparing(FileFacts::path))
        .forEach(f -> all.addAll(ctx.analysis().resolution(f.path()).relationships()));
    return all;
  }
}
