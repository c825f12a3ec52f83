package dev.ormlens.core.index;

import dev.ormlens.core.model.FileFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An immutable snapshot of the workspace: every file's facts, keyed by path, and the ORM model
 * derived from them. Replacing one file's facts gives a new snapshot that shares the rest; the
 * derived model is built lazily, once per snapshot, from per-file facts (no parsing).
 *
 * <p>Architecture invariant: a snapshot never changes after construction, so readers on any thread
 * need no locks; the language server swaps snapshots atomically.
 */
public final class WorkspaceIndex {
  private static final WorkspaceIndex EMPTY = new WorkspaceIndex(Map.of(), Map.of(), 0);

  private final Map<String, FileFacts> filesByPath;
  private final Map<String, FileFacts> filesByModule;
  private final long generation;
  private final Lazy<SymbolResolver> symbols = new Lazy<>(() -> new SymbolResolver(this));
  private final Lazy<OrmModel> model = new Lazy<>(() -> OrmModel.build(this));

  private WorkspaceIndex(
      Map<String, FileFacts> filesByPath, Map<String, FileFacts> filesByModule, long generation) {
    this.filesByPath = filesByPath;
    this.filesByModule = filesByModule;
    this.generation = generation;
  }

  public static WorkspaceIndex empty() {
    return EMPTY;
  }

  public static WorkspaceIndex of(Collection<FileFacts> files) {
    return EMPTY.withFiles(files);
  }

  /** A new snapshot with these files' facts added or replaced. */
  public WorkspaceIndex withFiles(Collection<FileFacts> files) {
    Map<String, FileFacts> byPath = new HashMap<>(filesByPath);
    for (FileFacts f : files) {
      byPath.put(f.path(), f);
    }
    return new WorkspaceIndex(Map.copyOf(byPath), byModule(byPath), generation + 1);
  }

  public WorkspaceIndex withFile(FileFacts file) {
    return withFiles(java.util.List.of(file));
  }

  public WorkspaceIndex withoutFile(String path) {
    if (!filesByPath.containsKey(path)) {
      return this;
    }
    Map<String, FileFacts> byPath = new HashMap<>(filesByPath);
    byPath.remove(path);
    return new WorkspaceIndex(Map.copyOf(byPath), byModule(byPath), generation + 1);
  }

  private static Map<String, FileFacts> byModule(Map<String, FileFacts> byPath) {
    Map<String, FileFacts> byModule = new HashMap<>();
    for (FileFacts f : byPath.values()) {
      if (f.module() == null || f.module().isEmpty()) {
        continue;
      }
      // Two roots may both hold a module of one name; the first path in order wins, stably.
      byModule.merge(f.module(), f, (a, b) -> a.path().compareTo(b.path()) <= 0 ? a : b);
    }
    return Map.copyOf(byModule);
  }

  public Optional<FileFacts> file(String path) {
    return Optional.ofNullable(filesByPath.get(path));
  }

  public Optional<FileFacts> module(String name) {
    return Optional.ofNullable(filesByModule.get(name));
  }

  public Collection<FileFacts> files() {
    return filesByPath.values();
  }

  public int size() {
    return filesByPath.size();
  }

  /** Increases with every derived snapshot; tells stale results from fresh ones. */
  public long generation() {
    return generation;
  }

  public Symbol resolve(String qualified) {
    return symbols.get().resolve(qualified);
  }

  public OrmModel model() {
    return model.get();
  }

  /** A thread-safe lazily computed value. */
  static final class Lazy<T> {
    private final Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = supplier.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
