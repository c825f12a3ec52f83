package dev.ormlens.workspace;

import dev.ormlens.python.PythonModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the directories a workspace's modules are imported from, and so each file's module name. An
 * import root is the workspace folder, its {@code src/}, a configured root, the directory above the
 * top of a regular package ({@code __init__.py} chain), or a directory, itself no regular package,
 * holding a package or module that some file of the workspace imports absolutely: {@code
 * services/a/src} when a file says {@code from pkg_a.models import X} and {@code
 * services/a/src/pkg_a} exists. Each file takes its module name from the deepest root above it.
 */
final class ImportRoots {
  private static final Pattern ABSOLUTE_IMPORT =
      Pattern.compile(
          "^[ \\t]*(?:from[ \\t]+([A-Za-z_]\\w*)[\\w.]*[ \\t]+import|import[ \\t]+([A-Za-z_]\\w*))",
          Pattern.MULTILINE);

  private final Set<Path> roots;

  private ImportRoots(Set<Path> roots) {
    this.roots = roots;
  }

  /** The roots of files under {@code workspaceRoot}, given the directories the walk entered. */
  static ImportRoots of(
      Path workspaceRoot, List<Path> configured, List<Path> files, Collection<Path> directories) {
    Set<Path> roots = new HashSet<>();
    roots.add(workspaceRoot);
    Path src = workspaceRoot.resolve("src");
    if (Files.isDirectory(src) && !isPackage(src)) {
      roots.add(src);
    }
    roots.addAll(configured);
    Map<Path, Set<String>> children = new HashMap<>();
    for (Path dir : directories) {
      if (dir.getParent() != null && !dir.equals(workspaceRoot)) {
        children.computeIfAbsent(dir.getParent(), k -> new HashSet<>()).add(name(dir));
      }
    }
    Map<Path, Boolean> packages = new HashMap<>();
    for (Path file : files) {
      String stem = name(file).replaceFirst("\\.pyi?$", "");
      children.computeIfAbsent(file.getParent(), k -> new HashSet<>()).add(stem);
      Path top = topOfPackages(workspaceRoot, file.getParent(), packages);
      if (top != null) {
        roots.add(top);
      }
    }
    // Directories that would become roots if some file imported one of their children by name.
    // Only then are files read, and only until every such name has been seen.
    Map<Path, Set<String>> candidates = new HashMap<>();
    Set<String> wanted = new HashSet<>();
    for (Map.Entry<Path, Set<String>> e : children.entrySet()) {
      Path dir = e.getKey();
      if (dir.startsWith(workspaceRoot)
          && !roots.contains(dir)
          && !packages.computeIfAbsent(dir, ImportRoots::isPackage)) {
        candidates.put(dir, e.getValue());
        wanted.addAll(e.getValue());
      }
    }
    Set<String> imported = new HashSet<>();
    Set<String> unseen = new HashSet<>(wanted);
    for (Path file : files) {
      if (unseen.isEmpty()) {
        break;
      }
      Set<String> names = new HashSet<>();
      importedNames(file, names);
      imported.addAll(names);
      unseen.removeAll(names);
    }
    for (Map.Entry<Path, Set<String>> e : candidates.entrySet()) {
      if (hasAny(e.getValue(), imported)) {
        roots.add(e.getKey());
      }
    }
    return new ImportRoots(roots);
  }

  /** The file's dotted module name, from the deepest root above it. */
  String moduleOf(Path file) {
    Path best = null;
    for (Path r : roots) {
      if (file.startsWith(r) && (best == null || r.getNameCount() > best.getNameCount())) {
        best = r;
      }
    }
    String module =
        best == null
            ? null
            : PythonModules.moduleName(best.relativize(file).toString().replace('\\', '/'));
    return module == null ? "" : module;
  }

  Set<Path> roots() {
    return Set.copyOf(roots);
  }

  /** The directory above the outermost regular package holding {@code dir}, or null. */
  private static Path topOfPackages(Path workspaceRoot, Path dir, Map<Path, Boolean> packages) {
    Path d = dir;
    while (d != null
        && !d.equals(workspaceRoot)
        && d.startsWith(workspaceRoot)
        && packages.computeIfAbsent(d, ImportRoots::isPackage)) {
      d = d.getParent();
    }
    return d == null || d.equals(dir) ? null : d;
  }

  private static boolean isPackage(Path dir) {
    return Files.isRegularFile(dir.resolve("__init__.py"));
  }

  private static boolean hasAny(Set<String> names, Set<String> wanted) {
    for (String n : names) {
      if (wanted.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private static void importedNames(Path file, Set<String> out) {
    try {
      if (Files.size(file) > Loader.MAX_FILE_BYTES) {
        return;
      }
      // Lenient decoding: this is a scan for import lines, the Loader judges the file itself.
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      Matcher m = ABSOLUTE_IMPORT.matcher(text);
      while (m.find()) {
        out.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    } catch (IOException | RuntimeException e) {
      // The Loader reports unreadable files; for roots, such a file simply gives no evidence.
    }
  }

  private static String name(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString();
  }
}
