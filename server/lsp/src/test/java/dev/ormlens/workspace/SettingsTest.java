package dev.ormlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code [tool.ormlens]} and client configuration read into the same settings. */
class SettingsTest {
  private static final Path PROJECT = Path.of("/work/project");

  @Test
  void pyprojectBecomesAnalysisSettings() throws InvalidSettings {
    Settings s =
        Settings.fromPyproject(
            PROJECT,
            "pyproject.toml",
            """
            [tool.ormlens]
            roots = ["services/a/src"]
            entry-modules = ["app.main"]
            resolver-module = "app.models.base"
            select = ["ORM1"]
            ignore = ["ORM107"]
            severity = { orm104 = "error" }
            """);
    assertEquals(List.of(PROJECT.resolve("services/a/src")), s.roots());
    AnalysisSettings a = s.analysis();
    assertEquals(List.of("app.main"), a.entryModules());
    assertEquals("app.models.base", a.resolverModule());
    assertEquals(Map.of("ORM104", Severity.ERROR), a.severities());
    // select ORM1, ignore ORM107: every catalogued code outside ORM1xx is off, and ORM107 too.
    assertEquals(codes(c -> !c.startsWith("ORM1") || c.equals("ORM107")), a.disabled());
  }

  @Test
  void clientConfigurationUsesTheSameKeysWithUnderscores() throws InvalidSettings {
    Settings s =
        Settings.fromMap(
            PROJECT,
            "ormlens settings: ",
            Map.of("entry_modules", List.of("app"), "ignore", List.of("ORM3")));
    assertEquals(List.of("app"), s.entryModules());
    assertEquals(codes(c -> c.startsWith("ORM3")), s.analysis().disabled());
    InvalidSettings e =
        assertThrows(
            InvalidSettings.class,
            () -> Settings.fromMap(PROJECT, "ormlens settings: ", Map.of("selct", List.of())));
    assertEquals(
        "ormlens settings: selct: unknown key (known: roots, include, exclude, entry-modules,"
            + " resolver-module, select, ignore, severity)",
        e.getMessage());
  }

  @Test
  void noSectionMeansDefaults() throws InvalidSettings {
    Settings s = Settings.fromPyproject(PROJECT, "pyproject.toml", "[project]\nname = 'x'\n");
    assertEquals(Set.of(), s.analysis().disabled());
    assertEquals(CodeSelection.ALL, s.codes());
  }

  private static Set<String> codes(java.util.function.Predicate<String> which) {
    return dev.ormlens.core.analysis.rules.Catalogue.all().stream()
        .map(dev.ormlens.core.analysis.rules.Catalogue.Entry::code)
        .filter(which)
        .collect(java.util.stream.Collectors.toSet());
  }
}
