package dev.ormlens.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the Python files of a workspace, skipping what is never user code (version control,
 * virtualenvs, installed packages, build output), what {@code .gitignore} files ignore and what
 * {@code [tool.ormlens]} excludes, and names each file's module from its import root ({@link
 * ImportRoots}).
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

  /** The Python files under root with the settings of its {@code pyproject.toml}, if valid. */
  public static List<SourceFile> find(Path root, List<String> notes) {
    Settings settings;
    try {
      settings = Settings.read(root.toAbsolutePath().normalize());
    } catch (InvalidSettings e) {
      notes.add(e.getMessage() + "; using the defaults");
      settings = Settings.defaults(root.toAbsolutePath().normalize());
    }
    return find(root, settings, notes);
  }

  /** The Python files under root (a directory, or one file), plus notes about what was skipped. */
  public static List<SourceFile> find(Path root, Settings settings, List<String> notes) {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    if (Files.isRegularFile(absoluteRoot)) {
      Path parent = absoluteRoot.getParent();
      List<Path> one = List.of(absoluteRoot);
      ImportRoots roots = ImportRoots.of(parent, settings.roots(), one, List.of(parent));
      return List.of(sourceFile(parent, roots, absoluteRoot));
    }
    Walk walk = new Walk(absoluteRoot, settings, notes);
    try {
      Files.walkFileTree(absoluteRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 64, walk);
    } catch (IOException e) {
      notes.add(absoluteRoot + ": cannot list files (" + describe(e) + ")");
    }
    ImportRoots roots =
        ImportRoots.of(absoluteRoot, settings.roots(), walk.files, walk.directories);
    List<SourceFile> out = new ArrayList<>();
    for (Path f : walk.files) {
      out.add(sourceFile(absoluteRoot, roots, f));
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  /**
   * Whether the settings' {@code include}/{@code exclude} keep one file, the way {@link #find}
   * would (an excluded directory above it excludes it too); {@code .gitignore} files are not read.
   * For a file reported changed on disk after the workspace was listed.
   */
  public static boolean selects(Settings settings, Path file) {
    Path base = settings.projectDir();
    for (Path p = file; p != null && p.startsWith(base) && !p.equals(base); p = p.getParent()) {
      if (settings.exclude().verdict(relative(base, p), !p.equals(file)).orElse(false)) {
        return false;
      }
    }
    return Walk.included(settings, file);
  }

  /** The file visitor: decides for each entry whether it belongs to the workspace. */
  private static final class Walk extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Settings settings;
    private final List<String> notes;
    private final Map<Path, Optional<IgnorePatterns>> gitignores = new HashMap<>();
    private final Path gitTop;
    final List<Path> files = new ArrayList<>();
    final List<Path> directories = new ArrayList<>();

    Walk(Path root, Settings settings, List<String> notes) {
      this.root = root;
      this.settings = settings;
      this.notes = notes;
      this.gitTop = gitTop(root);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(root)) {
        String name = dir.getFileName().toString();
        if (SKIPPED.contains(name)
            || name.endsWith(".egg-info")
            || Files.exists(dir.resolve("pyvenv.cfg"))
            || ignored(dir, true)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
      }
      directories.add(dir);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = file.getFileName().toString();
      if (attrs.isSymbolicLink() && name.endsWith(".py")) {
        // Following links, the walk reports a link's own attributes only when its target is gone.
        notes.add(display(root, file) + ": skipped (broken symbolic link)");
      } else if (attrs.isRegularFile()
          && name.endsWith(".py")
          && !ignored(file, false)
          && included(file)) {
        files.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      notes.add(display(root, file) + ": skipped (" + describe(e) + ")");
      return FileVisitResult.CONTINUE;
    }

    /** Git's rule: the deepest {@code .gitignore} with a matching pattern decides. */
    private boolean ignored(Path path, boolean directory) {
      if (settings
          .exclude()
          .verdict(relative(settings.projectDir(), path), directory)
          .orElse(false)) {
        return true;
      }
      for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
        Optional<IgnorePatterns> patterns = gitignores.computeIfAbsent(dir, Walk::load);
        if (patterns.isPresent()) {
          Optional<Boolean> v = patterns.get().verdict(relative(dir, path), directory);
          if (v.isPresent()) {
            return v.get();
          }
        }
        if (dir.equals(gitTop) || (gitTop == null && dir.equals(root))) {
          break;
        }
      }
      return false;
    }

    private boolean included(Path file) {
      return included(settings, file);
    }

    /** With include patterns, a file is in when it or a directory above it matches one. */
    static boolean included(Settings settings, Path file) {
      IgnorePatterns include = settings.include();
      if (include.isEmpty()) {
        return true;
      }
      Path base = settings.projectDir();
      for (Path p = file; p != null && p.startsWith(base) && !p.equals(base); p = p.getParent()) {
        if (include.verdict(relative(base, p), !p.equals(file)).orElse(false)) {
          return true;
        }
      }
      return false;
    }

    private static Optional<IgnorePatterns> load(Path dir) {
      Path file = dir.resolve(".gitignore");
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(IgnorePatterns.parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    /** The top of the git work tree holding root, whose outer .gitignore files also apply. */
    private static Path gitTop(Path root) {
      for (Path d = root; d != null; d = d.getParent()) {
        if (Files.exists(d.resolve(".git"))) {
          return d;
        }
      }
      return null;
    }
  }

  private static String relative(Path base, Path path) {
    return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/') : "\0";
  }

  static SourceFile sourceFile(Path workspaceRoot, ImportRoots roots, Path file) {
    return new SourceFile(file, display(workspaceRoot, file), roots.moduleOf(file));
  }

  static String display(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  static String describe(IOException e) {
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
