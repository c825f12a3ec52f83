package dev.ormlens.core.analysis.fixes;

import java.util.List;
import java.util.Optional;

/**
 * One kind of repair. It finds what it can repair at the context's range by reading the snapshot
 * (so it works whether or not the rule that reports the problem is enabled) and offers zero or more
 * fixes, each computing its edits only when asked ({@link Offer#fix()}); {@link #codes()} are the
 * diagnostic codes it repairs, empty for a refactoring offered wherever it applies.
 *
 * <p>An offer is made only when its edits will not be empty, and two offers of one fix at one range
 * never compute the same edits, so listing need not compute any.
 */
interface QuickFix {
  /** Stable id, shared by every {@link Fix} it makes: what {@code ormlens fix --select} names. */
  String id();

  List<String> codes();

  /** The fixes at the context's range, narrowest first, as an editor lists them. */
  List<Offer> offers(FixContext context);

  /** The one fix a fix-all applies at the context's range: by default the first offered. */
  default Optional<Offer> forFixAll(FixContext context) {
    List<Offer> all = offers(context);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The broadest of the fixes offered (the last), for fixes offered at several scopes. */
  static Optional<Offer> broadest(List<Offer> offers) {
    return offers.isEmpty() ? Optional.empty() : Optional.of(offers.get(offers.size() - 1));
  }
}
