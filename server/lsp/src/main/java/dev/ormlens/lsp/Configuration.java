package dev.ormlens.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.workspace.DeclaredEntries;
import dev.ormlens.workspace.Discovery;
import dev.ormlens.workspace.InvalidSettings;
import dev.ormlens.workspace.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's settings: for each workspace folder, {@code [tool.ormlens]} of its {@code
 * pyproject.toml} with the editor's {@code ormlens} configuration laid over it (the editor wins,
 * key by key), read and checked by {@link Settings} as the command line does. An invalid source is
 * reported with its one-line reason and left out; the rest still applies.
 *
 * <p>One analysis covers every folder, so codes, severities and the resolver module come from the
 * folders in order (a later folder's key wins) and entry modules are gathered from all of them.
 *
 * @param folders each folder's settings, for the files it holds (include, exclude, roots)
 * @param discovery each folder's values of the keys that decide which files are in the workspace:
 *     when they change, the folders are listed again
 */
record Configuration(
    Map<Path, Settings> folders, AnalysisSettings analysis, Map<Path, List<Object>> discovery) {
  static final Configuration DEFAULTS =
      new Configuration(Map.of(), AnalysisSettings.DEFAULTS, Map.of());

  /** Editor keys that configure the editor itself, not the analysis. */
  private static final Set<String> EDITOR_ONLY = Set.of("java", "trace");

  /**
   * Reads every folder's settings with the editor's section over them.
   *
   * @param editor the {@code ormlens} section (or an object holding it), null when there is none
   * @param problems receives one line per invalid source
   */
  static Configuration read(List<Path> roots, JsonElement editor, List<String> problems) {
    Map<String, Object> fromEditor = editorValues(editor);
    Map<Path, Settings> folders = new LinkedHashMap<>();
    Map<Path, List<Object>> discovery = new LinkedHashMap<>();
    Map<String, Object> combined = new LinkedHashMap<>();
    Set<String> entries = new LinkedHashSet<>();
    boolean editorChecked = false;
    for (Path root : roots) {
      Map<String, Object> values = new LinkedHashMap<>(pyproject(root, problems));
      if (!fromEditor.isEmpty()) {
        try {
          Settings.fromMap(root, "ormlens settings: ", fromEditor);
          values.putAll(fromEditor);
        } catch (InvalidSettings e) {
          if (!editorChecked) {
            problems.add(e.getMessage() + "; ignoring the editor's ormlens settings");
          }
        }
        editorChecked = true;
      }
      Settings settings = checked(root, values, problems);
      folders.put(root, settings);
      List<Object> listing = new ArrayList<>();
      for (String key : List.of("roots", "include", "exclude")) {
        listing.add(String.valueOf(values.get(key)));
      }
      discovery.put(root, List.copyOf(listing));
      combined.putAll(values);
      entries.addAll(settings.entryModules());
    }
    if (roots.isEmpty() && !fromEditor.isEmpty()) {
      combined.putAll(fromEditor);
    }
    combined.put("entry-modules", List.copyOf(entries));
    Path base = roots.isEmpty() ? Path.of("").toAbsolutePath() : roots.get(0);
    List<String> declared = new ArrayList<>();
    roots.forEach(r -> declared.addAll(DeclaredEntries.read(r)));
    return new Configuration(
        Map.copyOf(folders),
        checked(base, combined, problems).analysis().withDeclaredEntries(declared),
        Map.copyOf(discovery));
  }

  /** The settings of the folder that holds a file; the defaults outside every folder. */
  Settings of(Path root) {
    Settings s = root == null ? null : folders.get(root);
    return s == null ? Settings.defaults(root == null ? Path.of("") : root) : s;
  }

  /** Whether include/exclude of the file's folder keep it. */
  boolean includes(Path root, Path file) {
    return root == null || Discovery.selects(of(root), file);
  }

  private static Map<String, Object> pyproject(Path root, List<String> problems) {
    try {
      Map<String, Object> values = Settings.pyprojectValues(root);
      Settings.fromMap(root, root.resolve("pyproject.toml") + ": [tool.ormlens] ", values);
      return values;
    } catch (InvalidSettings e) {
      problems.add(e.getMessage() + "; using the defaults for this folder");
      return Map.of();
    }
  }

  /** Both sources were checked alone; together they can only fail on a bug, so defaults then. */
  private static Settings checked(Path root, Map<String, Object> values, List<String> problems) {
    try {
      return Settings.fromMap(root, "ormlens settings: ", values);
    } catch (InvalidSettings e) {
      problems.add(e.getMessage());
      return Settings.defaults(root);
    }
  }

  /**
   * The editor's section as {@code [tool.ormlens]} values. The VS Code extension's names map to the
   * pyproject keys ({@code diagnostics.disabled} is {@code ignore}, {@code diagnostics.severity} is
   * {@code severity}, camelCase is kebab-case); the pyproject keys are accepted as they are. An
   * empty value (an editor sends every setting, with its empty default) is no value: it does not
   * hide the pyproject's.
   */
  static Map<String, Object> editorValues(JsonElement json) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (json == null || !json.isJsonObject()) {
      return out;
    }
    JsonObject o = json.getAsJsonObject();
    if (o.has("ormlens") && o.get("ormlens").isJsonObject()) {
      o = o.getAsJsonObject("ormlens");
    }
    for (var e : o.entrySet()) {
      String key = e.getKey();
      if (EDITOR_ONLY.contains(key)) {
        continue;
      }
      if (key.equals("diagnostics") && e.getValue().isJsonObject()) {
        JsonObject d = e.getValue().getAsJsonObject();
        put(out, "ignore", d.get("disabled"));
        put(out, "severity", d.get("severity"));
      } else if (key.equals("diagnostics.disabled")) {
        put(out, "ignore", e.getValue());
      } else if (key.equals("diagnostics.severity")) {
        put(out, "severity", e.getValue());
      } else {
        put(out, kebab(key), e.getValue());
      }
    }
    return out;
  }

  private static void put(Map<String, Object> out, String key, JsonElement value) {
    Object plain = plain(value);
    boolean empty =
        plain == null
            || (plain instanceof String s && s.isBlank())
            || (plain instanceof List<?> l && l.isEmpty())
            || (plain instanceof Map<?, ?> m && m.isEmpty());
    if (!empty) {
      out.put(key, plain);
    }
  }

  private static String kebab(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** JSON as the plain values {@link Settings#fromMap} reads. */
  private static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e instanceof JsonArray a) {
      List<Object> out = new ArrayList<>();
      a.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (e instanceof JsonObject o) {
      Map<String, Object> out = new LinkedHashMap<>();
      o.entrySet().forEach(x -> out.put(x.getKey(), plain(x.getValue())));
      return out;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isString() ? p.getAsString() : p.isBoolean() ? p.getAsBoolean() : p.getAsNumber();
  }
}
