package dev.ormlens.workspace;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.workspace.cache.ContentHash;
import dev.ormlens.workspace.cache.IndexCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Turns a workspace's files into a snapshot, in parallel, reusing saved facts: a file whose size
 * and timestamp match its cache entry is not even read; one whose text hashes the same is not
 * parsed. Everything else goes through the pre-scan ({@link PythonFrontEnd#extractForIndex}), and
 * the cache is saved again when anything changed.
 */
final class WorkspaceScan {
  /** Below this many files a workspace loads in well under a second: no cache is written. */
  static final int MIN_FILES_FOR_CACHE = 200;

  /** One file's outcome: its cache entry, or null when it was skipped. */
  private record Outcome(IndexCache.Entry entry, boolean reused) {}

  private WorkspaceScan() {}

  static WorkspaceIndex load(
      List<SourceFile> files, List<String> notes, Optional<IndexCache> cache) {
    List<FileFacts> facts = new ArrayList<>(files.size());
    load(files, notes, cache, Math.max(1, files.size()), (chunk, done) -> facts.addAll(chunk));
    return WorkspaceIndex.of(facts);
  }

  /**
   * Reads and extracts the files chunk by chunk (the first of {@code chunkSize} files, each next
   * one twice the size), in parallel within a chunk, handing each chunk's facts to {@code sink}
   * with the number of files done so far, then saves the cache.
   */
  static void load(
      List<SourceFile> files,
      List<String> notes,
      Optional<IndexCache> cache,
      int chunkSize,
      BiConsumer<List<FileFacts>, Integer> sink) {
    Map<String, IndexCache.Entry> saved = cache.map(IndexCache::load).orElse(Map.of());
    List<String> syncNotes = Collections.synchronizedList(new ArrayList<>());
    List<IndexCache.Entry> entries = new ArrayList<>(files.size());
    boolean changed = false;
    // Chunks double: early ones show progress soon; few in all, since each hands the sink a new
    // snapshot that copies the index built so far.
    int chunk = chunkSize;
    for (int from = 0, to; from < files.size(); from = to, chunk = Math.min(chunk * 2, 1 << 20)) {
      to = Math.min(files.size(), from + chunk);
      List<Outcome> outcomes =
          files.subList(from, to).parallelStream()
              .map(f -> scan(f, saved.get(f.path()), syncNotes))
              .toList();
      List<FileFacts> facts = new ArrayList<>(outcomes.size());
      for (Outcome o : outcomes) {
        if (o.entry() != null) {
          facts.add(o.entry().facts());
          entries.add(o.entry());
        }
        changed |= !o.reused();
      }
      sink.accept(facts, to);
    }
    List<String> sorted = new ArrayList<>(syncNotes);
    Collections.sort(sorted);
    notes.addAll(sorted);
    changed |= entries.size() != saved.size();
    if (changed && cache.isPresent()) {
      cache.get().save(entries);
    }
  }

  /** The cache for these files' workspace root, when the workspace is large enough to need one. */
  static Optional<IndexCache> cacheFor(List<SourceFile> files) {
    if (files.size() < MIN_FILES_FOR_CACHE) {
      return Optional.empty();
    }
    return rootOf(files.get(0)).flatMap(root -> IndexCache.forWorkspace(root, frontEndStamp()));
  }

  /** The cache of a workspace folder, when it holds enough files to need one. */
  static Optional<IndexCache> cacheAt(Path root, List<SourceFile> files) {
    if (files.size() < MIN_FILES_FOR_CACHE) {
      return Optional.empty();
    }
    return IndexCache.forWorkspace(root, frontEndStamp());
  }

  /**
   * What the facts were made by: the front end's jar (or class file) size and timestamp, so facts
   * saved by another build of ORM Lens are never reused.
   */
  private static String frontEndStamp() {
    try {
      Path location =
          Path.of(PythonFrontEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        location = location.resolve(PythonFrontEnd.class.getName().replace('.', '/') + ".class");
      }
      return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
    } catch (Exception e) {
      return "unknown-build";
    }
  }

  /**
   * The workspace root: the file's absolute path with its workspace path removed. None when the
   * workspace path is not a relative path that ends the absolute one (a URI, an absolute key).
   */
  private static Optional<Path> rootOf(SourceFile file) {
    Path absolute = file.absolute().toAbsolutePath().normalize();
    if (file.path().contains(":") || file.path().startsWith("/") || file.path().startsWith("\\")) {
      return Optional.empty();
    }
    Path relative = Path.of(file.path()).normalize();
    int depth = relative.getNameCount();
    if (relative.isAbsolute() || depth == 0 || !absolute.endsWith(relative)) {
      return Optional.empty();
    }
    Path root = absolute;
    for (int i = 0; i < depth; i++) {
      root = root.getParent();
    }
    return Optional.ofNullable(root);
  }

  private static Outcome scan(SourceFile file, IndexCache.Entry saved, List<String> notes) {
    long size = -1;
    long modified = -1;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file.absolute(), BasicFileAttributes.class);
      size = attributes.size();
      modified = attributes.lastModifiedTime().toMillis();
    } catch (IOException | SecurityException e) {
      // Loader.read reports why the file cannot be read.
    }
    if (saved != null
        && saved.size() == size
        && saved.modified() == modified
        && matches(saved.facts(), file)) {
      return new Outcome(saved, true);
    }
    Optional<String> text = Loader.read(file, notes);
    if (text.isEmpty()) {
      return new Outcome(null, saved == null);
    }
    long hash = ContentHash.of(text.get());
    if (saved != null && saved.contentHash() == hash && matches(saved.facts(), file)) {
      return new Outcome(new IndexCache.Entry(size, modified, hash, saved.facts()), false);
    }
    FileFacts facts = PythonFrontEnd.extractForIndex(file.path(), file.module(), text.get());
    return new Outcome(new IndexCache.Entry(size, modified, hash, facts), false);
  }

  private static boolean matches(FileFacts facts, SourceFile file) {
    return facts.path().equals(file.path()) && Objects.equals(facts.module(), file.module());
  }
}
