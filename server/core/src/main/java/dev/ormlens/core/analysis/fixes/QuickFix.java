package dev.ormlens.core.analysis.fixes;

import java.util.List;
import java.util.Optional;

/**
 * One kind of repair. It finds what it can repair at the context's range by reading the snapshot
 * (so it works whether or not the rule that reports the problem is enabled) and returns zero or
 * more {@link Fix}es; {@link #codes()} are the diagnostic codes it repairs, empty for a refactoring
 * offered wherever it applies.
 */
public interface QuickFix {
  /** Stable id, shared by every {@link Fix} it makes: what {@code ormlens fix --select} names. */
  String id();

  List<String> codes();

  /** The fixes at the context's range, narrowest first, as an editor lists them. */
  List<Fix> fixes(FixContext context);

  /** The one fix a fix-all applies at the context's range: by default the first offered. */
  default Optional<Fix> forFixAll(FixContext context) {
    List<Fix> all = fixes(context);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** The broadest of the fixes offered (the last), for fixes offered at several scopes. */
  static Optional<Fix> broadest(List<Fix> fixes) {
    return fixes.isEmpty() ? Optional.empty() : Optional.of(fixes.get(fixes.size() - 1));
  }
}
