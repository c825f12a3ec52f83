package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules an application starts from, as a reader of the repository would find them when none
 * are configured: what the project's files declare ({@code [project.scripts]}, {@code setup.cfg}, a
 * {@code Procfile}, a wheel's {@code entry_points.txt}), every {@code __main__.py} ({@code python
 * -m pkg}), and a top-level {@code main.py}, {@code app.py}, {@code wsgi.py}, {@code asgi.py} or
 * {@code manage.py}.
 *
 * <p>Inferred entries only ever make ORM Lens say less: a class their imports reach (through
 * functions too, since an app factory imports its models when called) is taken as registered before
 * configuration. They never turn a latent finding into an error.
 */
public final class EntryPoints {
  /** One entry and why ORM Lens takes it for one. */
  public record Entry(String module, String why) {}

  private static final Set<String> TOP_LEVEL = Set.of("main", "app", "wsgi", "asgi", "manage");

  private EntryPoints() {}

  /**
   * The configured entries, or else the inferred ones; modules the workspace lacks are left out.
   */
  public static List<Entry> of(
      WorkspaceIndex index, List<String> configured, List<String> declared) {
    Map<String, Entry> out = new LinkedHashMap<>();
    if (!configured.isEmpty()) {
      for (String m : configured) {
        out.put(m, new Entry(m, "configured in entry-modules"));
      }
      return List.copyOf(out.values());
    }
    for (String m : declared) {
      if (index.module(m).isPresent()) {
        out.putIfAbsent(
            m,
            new Entry(
                m,
                "declared by the project: pyproject.toml, setup.cfg, Procfile or entry_points.txt"));
      }
    }
    List<String> found = new ArrayList<>();
    for (FileFacts f : index.files()) {
      String m = f.module();
      if (m.equals("__main__") || m.endsWith(".__main__") || TOP_LEVEL.contains(m)) {
        found.add(m);
      }
    }
    found.sort(null);
    for (String m : found) {
      String why = m.endsWith("__main__") ? "__main__.py (python -m)" : "a top-level " + m + ".py";
      out.putIfAbsent(m, new Entry(m, why));
    }
    return List.copyOf(out.values());
  }
}
