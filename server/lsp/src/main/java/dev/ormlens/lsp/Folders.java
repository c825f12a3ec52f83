package dev.ormlens.lsp;

import dev.ormlens.python.PythonModules;
import dev.ormlens.workspace.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workspace folders, added and removed at run time, and the module name of a file.
 *
 * <p>Architecture invariant: a file edited in the editor has the module name the workspace scan
 * gave it ({@link dev.ormlens.workspace.Discovery} through its import roots, so {@code
 * backend/app/models.py} under a {@code backend} root is {@code app.models}, not {@code
 * backend.app.models}). The scan's names are remembered here; a file the scan has not seen is named
 * like a scanned file beside it, and only a file in a folder the scan never saw falls back to the
 * folder (or its {@code src/}).
 */
final class Folders {
  private final List<Path> roots = new CopyOnWriteArrayList<>();
  private final Map<Path, String> scanned = new ConcurrentHashMap<>();

  /** Remembers the module names a scan of a folder gave its files. */
  void named(List<SourceFile> files) {
    for (SourceFile f : files) {
      scanned.put(f.absolute().toAbsolutePath().normalize(), f.module());
    }
  }

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
    Path absolute = file.toAbsolutePath().normalize();
    String known = scanned.get(absolute);
    if (known != null) {
      return known;
    }
    String besideScanned = besideScanned(absolute);
    if (besideScanned != null) {
      return besideScanned;
    }
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

  /** A new file's name from a scanned file in the same folder: same package, its own stem. */
  private String besideScanned(Path file) {
    Path dir = file.getParent();
    String stem = PythonModules.moduleName(file.getFileName().toString());
    if (dir == null || stem == null) {
      return null;
    }
    for (Map.Entry<Path, String> e : scanned.entrySet()) {
      if (!dir.equals(e.getKey().getParent())) {
        continue;
      }
      String sibling = e.getValue();
      boolean init = e.getKey().getFileName().toString().equals("__init__.py");
      String pkg =
          init
              ? sibling
              : sibling.contains(".") ? sibling.substring(0, sibling.lastIndexOf('.')) : "";
      if (stem.isEmpty()) {
        return pkg; // a new __init__.py
      }
      return pkg.isEmpty() ? stem : pkg + "." + stem;
    }
    return null;
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
