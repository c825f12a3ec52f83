package dev.ormlens.lsp;

import dev.ormlens.python.PythonModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workspace folders, added and removed at run time, and the module name of a file from the
 * folder it is in ({@code src/} layouts included, as {@link dev.ormlens.workspace.Discovery} does).
 */
final class Folders {
  private final List<Path> roots = new CopyOnWriteArrayList<>();

  void add(Path root) {
    Path r = root.toAbsolutePath().normalize();
    if (!roots.contains(r)) {
      roots.add(r);
    }
  }

  void remove(Path root) {
    roots.remove(root.toAbsolutePath().normalize());
  }

  List<Path> all() {
    return List.copyOf(roots);
  }

  /** The folder holding a file, the deepest one when folders nest; null outside every folder. */
  Path rootOf(Path file) {
    Path best = null;
    for (Path r : roots) {
      if (file.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) {
        best = r;
      }
    }
    return best;
  }

  /** The path relative to its folder, {@code /}-separated; the file name outside every folder. */
  String relative(Path file) {
    Path root = rootOf(file);
    Path rel = root == null ? file.getFileName() : root.relativize(file);
    return rel.toString().replace('\\', '/');
  }

  String moduleOf(Path file) {
    Path root = rootOf(file);
    if (root == null) {
      root = file.getParent();
    }
    Path src = root.resolve("src");
    if (file.startsWith(src)
        && Files.isDirectory(src)
        && !Files.exists(src.resolve("__init__.py"))) {
      root = src;
    }
    String module = PythonModules.moduleName(root.relativize(file).toString().replace('\\', '/'));
    return module == null ? "" : module;
  }

  static List<Path> under(List<String> paths, Path root) {
    List<Path> out = new ArrayList<>();
    for (String p : paths) {
      if (Path.of(p).startsWith(root)) {
        out.add(Path.of(p));
      }
    }
    return out;
  }
}
