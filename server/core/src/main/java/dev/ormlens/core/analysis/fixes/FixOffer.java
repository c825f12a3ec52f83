package dev.ormlens.core.analysis.fixes;

import java.util.List;

/**
 * A fix the user can pick, before its edits are computed: what an editor lists. {@link
 * Fixes#fix(String, dev.ormlens.core.text.TextRange, SourceTexts, FixOffer)} computes the edits of
 * the one picked; two offers at one range are equal only when they are the same fix.
 *
 * @param id the {@link QuickFix} id (or {@link Fixes#FIX_ALL_ID})
 * @param kind an LSP-style code action kind, as in {@link Fix}
 * @param safe as in {@link Fix}
 * @param codes the diagnostic codes it repairs (empty for refactorings)
 */
public record FixOffer(String id, String title, String kind, boolean safe, List<String> codes) {
  public FixOffer {
    codes = List.copyOf(codes);
  }
}
