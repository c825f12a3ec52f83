package dev.ormlens.workspace;

import dev.ormlens.python.PythonModules;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the Python files of a workspace root, skipping what is never user code (version control,
 * virtualenvs, installed packages, build output), and names each file's module from its import
 * root: {@code src/} when the project uses a src layout, else the workspace root.
 */
public final class Discovery {
  private static final Set<String> SKIPPED =
      Set.of(
          ".git",
          ".hg",
          ".svn",
          ".venv",
          "venv",
          ".env",
          "env",
          "site-packages",
          "node_modules",
          "__pycache__",
          ".tox",
          ".nox",
          ".mypy_cache",
          ".pytest_cache",
          ".ruff_cache",
          "build",
          "dist",
          "target",
          ".eggs",
          ".idea",
          ".vscode");

  private Discovery() {}

  /** The Python files under root, plus notes about what was skipped and why. */
  public static List<SourceFile> find(Path root, List<String> notes) {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    List<SourceFile> out = new ArrayList<>();
    if (Files.isRegularFile(absoluteRoot)) {
      Path parent = absoluteRoot.getParent();
      out.add(sourceFile(parent, parent, absoluteRoot));
      return out;
    }
    Path src = absoluteRoot.resolve("src");
    Path importRoot =
        Files.isDirectory(src) && !Files.exists(src.resolve("__init__.py")) ? src : absoluteRoot;
    try {
      Files.walkFileTree(
          absoluteRoot,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          64,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              boolean skip =
                  !dir.equals(absoluteRoot)
                      && (SKIPPED.contains(name)
                          || name.endsWith(".egg-info")
                          || Files.exists(dir.resolve("pyvenv.cfg")));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                Path rootForFile = file.startsWith(importRoot) ? importRoot : absoluteRoot;
                out.add(sourceFile(absoluteRoot, rootForFile, file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              notes.add(display(absoluteRoot, file) + ": skipped (" + describe(e) + ")");
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      notes.add(absoluteRoot + ": cannot list files (" + describe(e) + ")");
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  static SourceFile sourceFile(Path workspaceRoot, Path importRoot, Path file) {
    String module =
        PythonModules.moduleName(importRoot.relativize(file).toString().replace('\\', '/'));
    return new SourceFile(file, display(workspaceRoot, file), module == null ? "" : module);
  }

  static String display(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    if (name.equals("FileSystemLoopException")) {
      return "symbolic link loop";
    }
    if (name.equals("AccessDeniedException")) {
      return "permission denied";
    }
    return e.getMessage() == null ? name : e.getMessage();
  }
}
