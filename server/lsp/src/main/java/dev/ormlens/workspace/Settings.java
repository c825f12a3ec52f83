package dev.ormlens.workspace;

import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.rules.Catalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * What a project configures, from {@code [tool.ormlens]} in its {@code pyproject.toml} (or, in the
 * language server, from the client's configuration, as the same keys): which codes to report and at
 * which severity, the modules an application imports first, where lazy resolvers go, and which
 * files make up the workspace.
 *
 * @param projectDir the directory relative paths in the settings are resolved against
 * @param roots extra import roots, absolute
 * @param include patterns (gitignore syntax, relative to projectDir) a file must match; empty for
 *     all
 * @param exclude patterns (gitignore syntax) of files and directories to leave out
 */
public record Settings(
    Path projectDir,
    CodeSelection codes,
    Map<String, Severity> severities,
    List<String> entryModules,
    String resolverModule,
    List<Path> roots,
    IgnorePatterns include,
    IgnorePatterns exclude) {

  /** The keys {@code [tool.ormlens]} understands, in the order the README documents them. */
  public static final List<String> KEYS =
      List.of(
          "roots",
          "include",
          "exclude",
          "entry-modules",
          "resolver-module",
          "select",
          "ignore",
          "severity");

  public Settings {
    severities = Map.copyOf(severities);
    entryModules = List.copyOf(entryModules);
    roots = List.copyOf(roots);
  }

  /** Nothing configured. */
  public static Settings defaults(Path projectDir) {
    return new Settings(
        projectDir,
        CodeSelection.ALL,
        Map.of(),
        List.of(),
        null,
        List.of(),
        IgnorePatterns.parse(List.of()),
        IgnorePatterns.parse(List.of()));
  }

  /** The settings in {@code projectDir/pyproject.toml}, or the defaults when it has none. */
  public static Settings read(Path projectDir) throws InvalidSettings {
    Path file = projectDir.resolve("pyproject.toml");
    if (!Files.isRegularFile(file)) {
      return defaults(projectDir);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettings(file + ": cannot read (" + e.getMessage() + ")");
    }
    return fromPyproject(projectDir, file.toString(), text);
  }

  /** Parses the text of a {@code pyproject.toml}; {@code name} is how messages name the file. */
  public static Settings fromPyproject(Path projectDir, String name, String text)
      throws InvalidSettings {
    Map<String, Object> values = values(name, text);
    return values == null
        ? defaults(projectDir)
        : fromMap(projectDir, name + ": [tool.ormlens] ", values);
  }

  /**
   * The plain values of {@code [tool.ormlens]} in {@code projectDir/pyproject.toml}, unchecked (the
   * shape {@link #fromMap} reads): empty when there is no such file or section. For a caller that
   * lays other values over them (the language server, with the editor's configuration).
   */
  public static Map<String, Object> pyprojectValues(Path projectDir) throws InvalidSettings {
    Path file = projectDir.resolve("pyproject.toml");
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettings(file + ": cannot read (" + e.getMessage() + ")");
    }
    Map<String, Object> values = values(file.toString(), text);
    return values == null ? Map.of() : values;
  }

  /** The values of {@code [tool.ormlens]}, or null when the file has no such section. */
  private static Map<String, Object> values(String name, String text) throws InvalidSettings {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      TomlParseError e = toml.errors().get(0);
      throw new InvalidSettings(
          name
              + ":"
              + e.position().line()
              + ":"
              + e.position().column()
              + ": invalid TOML: "
              + e.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)$", ""));
    }
    Object section = toml.get(List.of("tool", "ormlens"));
    if (section == null) {
      return null;
    }
    if (!(section instanceof TomlTable table)) {
      throw new InvalidSettings(name + ": [tool.ormlens] must be a table");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) plain(table);
    return values;
  }

  /**
   * Reads settings from plain values (strings, lists of strings, a table of strings for {@code
   * severity}), as TOML or a client's JSON configuration gives them. Keys may be written with
   * {@code -} or {@code _}. {@code where} prefixes every message, e.g. {@code "pyproject.toml:
   * [tool.ormlens] "}.
   */
  public static Settings fromMap(Path projectDir, String where, Map<String, Object> values)
      throws InvalidSettings {
    Map<String, Object> v = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String key = e.getKey().replace('_', '-');
      if (!KEYS.contains(key)) {
        throw new InvalidSettings(
            where + e.getKey() + ": unknown key (known: " + String.join(", ", KEYS) + ")");
      }
      v.put(key, e.getValue());
    }
    List<Path> roots = new ArrayList<>();
    for (String r : strings(v, "roots", where)) {
      roots.add(projectDir.resolve(r).toAbsolutePath().normalize());
    }
    String resolver = v.containsKey("resolver-module") ? string(v, "resolver-module", where) : null;
    return new Settings(
        projectDir,
        CodeSelection.of(strings(v, "select", where), strings(v, "ignore", where), where),
        severities(v.get("severity"), where + "severity"),
        strings(v, "entry-modules", where),
        resolver,
        roots,
        IgnorePatterns.parse(strings(v, "include", where)),
        IgnorePatterns.parse(strings(v, "exclude", where)));
  }

  /** TOML tables and arrays as plain maps and lists, the shape {@link #fromMap} reads. */
  private static Object plain(Object value) {
    if (value instanceof TomlTable t) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : t.keySet()) {
        out.put(key, plain(t.get(List.of(key))));
      }
      return out;
    }
    if (value instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(plain(a.get(i)));
      }
      return out;
    }
    return value;
  }

  /** These settings with the command line's {@code --select}/{@code --ignore} on top. */
  public Settings withCodes(List<String> select, List<String> ignore) throws InvalidSettings {
    return new Settings(
        projectDir,
        codes.with(select, ignore),
        severities,
        entryModules,
        resolverModule,
        roots,
        include,
        exclude);
  }

  /** What the analysis needs: codes not selected are disabled, so their rules never run. */
  public AnalysisSettings analysis() {
    Set<String> disabled = new TreeSet<>();
    for (Catalogue.Entry e : Catalogue.all()) {
      if (!codes.accepts(e.code())) {
        disabled.add(e.code());
      }
    }
    return new AnalysisSettings(disabled, severities, entryModules, resolverModule);
  }

  private static List<String> strings(Map<String, Object> v, String key, String where)
      throws InvalidSettings {
    Object value = v.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          throw new InvalidSettings(where + key + ": expected a list of strings, found " + show(o));
        }
        out.add(s);
      }
      return out;
    }
    throw new InvalidSettings(where + key + ": expected a list of strings, found " + show(value));
  }

  private static String string(Map<String, Object> v, String key, String where)
      throws InvalidSettings {
    if (v.get(key) instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw new InvalidSettings(where + key + ": expected a module name, found " + show(v.get(key)));
  }

  private static Map<String, Severity> severities(Object value, String where)
      throws InvalidSettings {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidSettings(
          where + ": expected a table such as {ORM104 = \"error\"}, found " + show(value));
    }
    Map<String, Severity> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String code = String.valueOf(e.getKey()).strip().toUpperCase(Locale.ROOT);
      if (Catalogue.entry(code).isEmpty()) {
        throw new InvalidSettings(where + "." + e.getKey() + ": unknown code");
      }
      if (!(e.getValue() instanceof String s)) {
        throw new InvalidSettings(
            where
                + "."
                + e.getKey()
                + ": expected \"error\", \"warning\", \"information\" or"
                + " \"hint\", found "
                + show(e.getValue()));
      }
      try {
        out.put(code, Severity.parse(s));
      } catch (IllegalArgumentException ex) {
        throw new InvalidSettings(
            where
                + "."
                + e.getKey()
                + ": "
                + ex.getMessage()
                + " (expected error, warning, information or hint)");
      }
    }
    return out;
  }

  private static String show(Object o) {
    if (o instanceof String s) {
      return "\"" + s + "\"";
    }
    if (o instanceof Map<?, ?>) {
      return "a table";
    }
    if (o instanceof List<?>) {
      return "a list";
    }
    return String.valueOf(o);
  }
}
