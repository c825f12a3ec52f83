package dev.ormlens.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the user configured: codes turned off, severities overridden, the modules an application
 * imports first, the module lazy resolvers go in.
 *
 * @param declaredEntries modules the project's own files say it starts from ({@code
 *     [project.scripts]}, a {@code Procfile}), not configured for ORM Lens: they add to what ORM
 *     Lens infers when {@code entryModules} is empty
 */
public record AnalysisSettings(
    Set<String> disabled,
    Map<String, Severity> severities,
    List<String> entryModules,
    String resolverModule,
    List<String> declaredEntries) {
  public static final AnalysisSettings DEFAULTS =
      new AnalysisSettings(Set.of(), Map.of(), List.of(), null);

  public AnalysisSettings(
      Set<String> disabled,
      Map<String, Severity> severities,
      List<String> entryModules,
      String resolverModule) {
    this(disabled, severities, entryModules, resolverModule, List.of());
  }

  /** These settings with the project's declared entry modules. */
  public AnalysisSettings withDeclaredEntries(List<String> declared) {
    return new AnalysisSettings(
        disabled, severities, entryModules, resolverModule, List.copyOf(declared));
  }

  public boolean enabled(String code) {
    return !disabled.contains(code);
  }
}
