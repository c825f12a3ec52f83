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
 * [project.entry-points.*]} and {@code [tool.poetry.scripts]} in {@code pyproject.toml}, and the
 * {@code pkg.mod:app} of a {@code Procfile}'s commands (gunicorn, uvicorn). Another tool's section
 * that cannot be read is not an error here: it just names nothing.
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
    String procfile = text(projectDir.resolve("Procfile"));
    if (procfile != null) {
      Matcher m = APP_SPEC.matcher(procfile);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return List.copyOf(out);
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
