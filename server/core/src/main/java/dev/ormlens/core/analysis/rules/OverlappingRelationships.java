package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.SyncTargets.Conflict;
import dev.ormlens.core.analysis.SyncTargets.Writer;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ORM301: a relationship writes a foreign-key column that another relationship, not linked to it by
 * {@code back_populates}/{@code backref} nor named in {@code overlaps=}, already writes. SQLAlchemy
 * emits {@code SAWarning} (code qzyx) at configuration, on the relationship configured second, and
 * asks for {@code overlaps="..."} naming the others; the code works, so a warning.
 */
public final class OverlappingRelationships implements Rule {
  public static final String CODE = "ORM301";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    // One finding per relationship, merging SQLAlchemy's one-warning-per-column. Writers are
    // grouped by identity: their records reach the whole model and have no cheap equality.
    Map<Writer, List<Conflict>> byWriter = new IdentityHashMap<>();
    List<Writer> order = new ArrayList<>();
    for (Conflict c : ctx.syncTargets().get().conflicts()) {
      if (c.writer().site().file().path().equals(ctx.file().path())) {
        if (!byWriter.containsKey(c.writer())) {
          order.add(c.writer());
        }
        byWriter.computeIfAbsent(c.writer(), k -> new ArrayList<>()).add(c);
      }
    }
    for (Writer w : order) {
      out.add(report(ctx, w, byWriter.get(w)));
    }
  }

  private static Diagnostic report(RuleContext ctx, Writer writer, List<Conflict> conflicts) {
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> keys = new TreeSet<>();
    List<Diagnostic.Related> related = new ArrayList<>();
    for (Conflict c : conflicts) {
      for (Writer other : c.others()) {
        if (names.add("'" + other.describe() + "'")) {
          keys.add(other.key());
          related.add(RuleContext.related(location(other), "also writes " + c.copy().to()));
        }
      }
    }
    Conflict first = conflicts.get(0);
    String overlaps = String.join(",", keys);
    return ctx.diagnostic(
        CODE,
        Severity.WARNING,
        range(writer),
        "relationship '"
            + writer.describe()
            + "' will copy column "
            + first.copy().from()
            + " to column "
            + first.copy().to()
            + ", which conflicts with relationship(s): "
            + String.join(", ", names)
            + ". SQLAlchemy warns (SAWarning qzyx) when configuring: link them with back_populates,"
            + " set viewonly=True on the read-only side, or add overlaps=\""
            + overlaps
            + "\" to '"
            + writer.describe()
            + "'.",
        related);
  }

  private static TextRange range(Writer w) {
    return w.fromBackref()
        ? w.site().fact().backref().literalRange()
        : w.site().fact().attributeRange();
  }

  private static Location location(Writer w) {
    return new Location(w.site().file().path(), range(w));
  }
}
