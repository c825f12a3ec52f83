package dev.ormlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups command-line paths by the workspace each belongs to, so names used in one file resolve
 * against its whole project. A directory is its own workspace, unless it is inside a regular
 * package, when the workspace starts above the outermost package; a file belongs to the current
 * directory when it is under it (as when pre-commit passes changed files), else to the directory
 * above its outermost package.
 */
record Targets(Map<Path, List<Path>> byWorkspace) {
  /** A path the command cannot check; the message is the one-line reason. */
  static final class BadPath extends Exception {
    private static final long serialVersionUID = 1L;

    BadPath(String message) {
      super(message);
    }
  }

  static Targets of(Path cwd, List<Path> paths) throws BadPath {
    Map<Path, List<Path>> out = new LinkedHashMap<>();
    for (Path p : paths) {
      Path abs = cwd.resolve(p).toAbsolutePath().normalize();
      if (!Files.exists(abs)) {
        throw new BadPath(p + ": no such file or directory");
      }
      if (!Files.isReadable(abs)) {
        throw new BadPath(p + ": permission denied");
      }
      Path root;
      if (Files.isDirectory(abs)) {
        root = aboveOutermostPackage(abs);
      } else if (!abs.getFileName().toString().endsWith(".py")) {
        throw new BadPath(p + ": not a Python file (expected a .py file or a directory)");
      } else {
        root = abs.startsWith(cwd) ? cwd : aboveOutermostPackage(abs.getParent());
      }
      out.computeIfAbsent(root, k -> new ArrayList<>()).add(abs);
    }
    return new Targets(out);
  }

  private static Path aboveOutermostPackage(Path dir) {
    Path d = dir;
    while (d.getParent() != null && Files.isRegularFile(d.resolve("__init__.py"))) {
      d = d.getParent();
    }
    return d;
  }
}
