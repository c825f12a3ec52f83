package dev.ormlens.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The modules a project says it starts from, the way a reader of the repository finds them: the
 * {@code "pkg.mod:func"} values of {@code [project.scripts]}, {@code [project.gui-scripts]}, {@code
 * [project.entry-points.*]} and {@code [tool.poetry.scripts]} in {@code pyproject.toml}, the {@code
 * pkg.mod:app} of a {@code Procfile}'s commands (gunicorn, uvicorn), {@code setup.cfg}'s {@code
 * [options.entry_points]}, and the {@code entry_points.txt} of a {@code *.dist-info} or {@code
 * *.egg-info} folder. Another tool's section that cannot be read is not an error here: it just
 * names nothing.
 */
public final class DeclaredEntries {
  private static final Pattern APP_SPEC =
      Pattern.compile("(?<![\\w./-])([A-Za-z_][\\w.]*):[A-Za-z_]\\w*");

  private DeclaredEntries() {}

  /** The declared entry modules of the project at {@code projectDir}, in the order found. */
  public static List<String> read(Path projectDir) {
    Set<String> out = new LinkedHashSet<>();
    String pyproject = text(projectDir.resolve("pyproject.toml"));
    if (pyproject != null) {
      TomlParseResult toml = Toml.parse(pyproject);
      if (!toml.hasErrors()) {
        addValues(toml.getTable("project.scripts"), out);
        addValues(toml.getTable("project.gui-scripts"), out);
        addValues(toml.getTable("tool.poetry.scripts"), out);
        TomlTable groups = toml.getTable("project.entry-points");
        if (groups != null) {
          for (String group : groups.keySet()) {
            Object t = groups.get(List.of(group));
            if (t instanceof TomlTable table) {
              addValues(table, out);
            }
          }
        }
      }
    }
    addSpecs(text(projectDir.resolve("Procfile")), out);
    addSpecs(section(text(projectDir.resolve("setup.cfg")), "options.entry_points"), out);
    for (Path metadata : metadataEntryPoints(projectDir)) {
      addSpecs(text(metadata), out);
    }
    return List.copyOf(out);
  }

  /**
   * The {@code entry_points.txt} of a project's {@code *.dist-info} (a released wheel) or {@code
   * *.egg-info} (an editable install), beside it or under {@code src/}.
   */
  private static List<Path> metadataEntryPoints(Path projectDir) {
    List<Path> found = new java.util.ArrayList<>();
    for (Path dir : List.of(projectDir, projectDir.resolve("src"))) {
      try (var listing = Files.newDirectoryStream(dir, "*.{dist-info,egg-info}")) {
        for (Path info : listing) {
          found.add(info.resolve("entry_points.txt"));
        }
      } catch (IOException | RuntimeException e) {
        // no such folder, or one that cannot be listed: it names nothing
      }
    }
    found.sort(null);
    return found;
  }

  private static void addSpecs(String text, Set<String> out) {
    if (text == null) {
      return;
    }
    Matcher m = APP_SPEC.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }

  /** The lines of an INI file's {@code [name]} section, or null. */
  private static String section(String ini, String name) {
    if (ini == null) {
      return null;
    }
    StringBuilder body = new StringBuilder();
    boolean inside = false;
    for (String line : ini.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("[") && t.endsWith("]")) {
        inside = t.substring(1, t.length() - 1).strip().equals(name);
      } else if (inside) {
        body.append(line).append('\n');
      }
    }
    return inside || body.length() > 0 ? body.toString() : null;
  }

  private static void addValues(TomlTable table, Set<String> out) {
    if (table == null) {
      return;
    }
    for (String key : table.keySet()) {
      Object value = table.get(List.of(key));
      String spec = value instanceof String s ? s : null;
      if (value instanceof TomlTable t && t.get("reference") instanceof String r) {
        spec = r; // poetry's { reference = "...", type = "console" }
      }
      if (spec != null) {
        String module = spec.split(":", 2)[0].strip();
        if (module.matches("[A-Za-z_][\\w.]*")) {
          out.add(module);
        }
      }
    }
  }

  private static String text(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
