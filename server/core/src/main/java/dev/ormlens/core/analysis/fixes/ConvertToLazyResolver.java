package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
  public java.util.Optional<Fix> forFixAll(FixContext ctx) {
    // The broadest scope only: computing the narrower ones would be thrown away.
    boolean any =
        ctx.resolution().relationships().stream()
            .anyMatch(
                r ->
                    ctx.touches(r.site().fact().statementRange())
                        && ResolverPlan.convertible(ctx, r));
    List<Fix> out = new ArrayList<>();
    if (any) {
      add(out, ctx, "Convert every relationship in the workspace to lazy resolvers", r -> true);
    }
    return QuickFix.broadest(out);
  }

  @Override
  public List<Fix> fixes(FixContext ctx) {
    List<ResolvedRelationship> here = new ArrayList<>();
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      if (ctx.touches(r.site().fact().statementRange()) && ResolverPlan.convertible(ctx, r)) {
        here.add(r);
      }
    }
    List<Fix> out = new ArrayList<>();
    if (here.isEmpty()) {
      return out;
    }
    ResolvedRelationship first = here.get(0);
    MappedClass owner = first.site().owner();
    add(
        out,
        ctx,
        "Convert '" + first.site().fact().attribute() + "' to lazy resolvers",
        r -> here.contains(r));
    add(
        out,
        ctx,
        "Convert the relationships of '" + owner.name() + "' to lazy resolvers",
        r -> r.site().owner().qualifiedName().equals(owner.qualifiedName()));
    add(
        out,
        ctx,
        "Convert the relationships in this file to lazy resolvers",
        r -> r.site().file().path().equals(ctx.path()));
    add(out, ctx, "Convert every relationship in the workspace to lazy resolvers", r -> true);
    return out;
  }

  /** Adds the fix for the relationships {@code scope} accepts, unless it repeats a narrower one. */
  private static void add(
      List<Fix> out, FixContext ctx, String title, Predicate<ResolvedRelationship> scope) {
    ResolverPlan plan = new ResolverPlan(ctx);
    for (ResolvedRelationship r : relationships(ctx)) {
      if (scope.test(r) && ResolverPlan.convertible(ctx, r)) {
        plan.convert(r);
      }
    }
    if (plan.isEmpty()) {
      return;
    }
    Fix fix = plan.fix(ID, title);
    if (out.stream().noneMatch(f -> f.edits().equals(fix.edits()))) {
      out.add(fix);
    }
  }

  private static List<ResolvedRelationship> relationships(FixContext ctx) {
    List<ResolvedRelationship> all = new ArrayList<>();
    ctx.analysis().index().files().stream()
        .sorted(Comparator.comparing(FileFacts::path))
        .forEach(f -> all.addAll(ctx.analysis().resolution(f.path()).relationships()));
    return all;
  }
}
