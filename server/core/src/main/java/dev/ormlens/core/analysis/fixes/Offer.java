package dev.ormlens.core.analysis.fixes;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a {@link QuickFix} offers: the fix as the user sees it and how to compute its edits, run
 * only when asked. Deciding that a fix applies reads the snapshot; writing its edits (import plans,
 * resolver modules, indentation) is the expensive part and is left to {@link #fix()}.
 */
record Offer(FixOffer what, Supplier<EditSet> edits) {
  static Offer of(
      String id,
      String title,
      String kind,
      boolean safe,
      List<String> codes,
      Supplier<EditSet> edits) {
    return new Offer(new FixOffer(id, title, kind, safe, codes), edits);
  }

  /** Computes the edits. */
  Fix fix() {
    return edits.get().fix(what.id(), what.title(), what.kind(), what.safe(), what.codes());
  }
}
