package dev.ormlens.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user configured: codes turned off, severities overridden, the modules an application
 * imports first, the module lazy resolvers go in.
 */
public record AnalysisSettings(
    Set<String> disabled,
    Map<String, Severity> severities,
    List<String> entryModules,
    String resolverModule) {
  public static final AnalysisSettings DEFAULTS =
      new AnalysisSettings(Set.of(), Map.of(), List.of(), null);

  public boolean enabled(String code) {
    return !disabled.contains(code);
  }
}
