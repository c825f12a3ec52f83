package dev.ormlens.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ormlens} configuration section: {@code diagnostics.disabled} (codes), {@code
 * diagnostics.severity} ({code: level}), {@code entryModules}, {@code resolverModule}, {@code
 * include}/{@code exclude} globs relative to a workspace folder. Unknown keys and bad values are
 * ignored with a note, never an error.
 */
record Settings(AnalysisSettings analysis, List<String> include, List<String> exclude) {
  static final Settings DEFAULTS = new Settings(AnalysisSettings.DEFAULTS, List.of(), List.of());

  /** Reads the section (the value of {@code ormlens}, or an object holding it). */
  static Settings parse(JsonElement json, List<String> notes) {
    if (json == null || !json.isJsonObject()) {
      return DEFAULTS;
    }
    JsonObject o = json.getAsJsonObject();
    if (o.has("ormlens") && o.get("ormlens").isJsonObject()) {
      o = o.getAsJsonObject("ormlens");
    }
    Set<String> disabled = new HashSet<>();
    Map<String, Severity> severities = new HashMap<>();
    JsonObject diagnostics = object(o, "diagnostics");
    if (diagnostics != null) {
      strings(diagnostics.get("disabled")).forEach(c -> disabled.add(c.toUpperCase(Locale.ROOT)));
      JsonObject sev = object(diagnostics, "severity");
      if (sev != null) {
        for (var e : sev.entrySet()) {
          try {
            severities.put(
                e.getKey().toUpperCase(Locale.ROOT), Severity.parse(e.getValue().getAsString()));
          } catch (RuntimeException ex) {
            notes.add("ormlens.diagnostics.severity." + e.getKey() + ": " + ex.getMessage());
          }
        }
      }
    }
    // Flat keys, as VS Code sends "diagnostics.disabled" when settings are not nested.
    strings(o.get("diagnostics.disabled")).forEach(c -> disabled.add(c.toUpperCase(Locale.ROOT)));
    String resolver =
        o.has("resolverModule") && o.get("resolverModule").isJsonPrimitive()
            ? o.get("resolverModule").getAsString()
            : null;
    return new Settings(
        new AnalysisSettings(
            Set.copyOf(disabled), Map.copyOf(severities), strings(o.get("entryModules")), resolver),
        strings(o.get("include")),
        strings(o.get("exclude")));
  }

  /** Whether a file, relative to its workspace folder with {@code /} separators, is analysed. */
  boolean includes(String relative) {
    Path p = Path.of(relative);
    if (!include.isEmpty() && include.stream().noneMatch(g -> matcher(g).matches(p))) {
      return false;
    }
    return exclude.stream().noneMatch(g -> matcher(g).matches(p));
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      for (JsonElement x : (JsonArray) e) {
        if (x.isJsonPrimitive()) {
          out.add(x.getAsString());
        }
      }
    }
    return List.copyOf(out);
  }
}
