package dev.ormlens.core.index;

import dev.ormlens.core.model.FileFacts;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private static final WorkspaceIndex EMPTY = new WorkspaceIndex(Map.of(), Map.of(), 0, null);

  /**
   * What a snapshot takes over from an earlier one: its resolutions and class kinds, valid for
   * everything that read none of the files changed since. Held only until this snapshot's model is
   * built, so snapshots never chain in memory.
   */
  private record Carry(
      SymbolResolver resolver, OrmModelBuilder.Classified classified, Set<String> changed) {}

  private final Map<String, FileFacts> filesByPath;
  private final Map<String, FileFacts> filesByModule;
  private final long generation;
  private volatile Carry carry;
  private final Lazy<SymbolResolver> symbols = new Lazy<>(this::newResolver);
  private final Lazy<OrmModel> model = new Lazy<>(this::buildModel);

  private WorkspaceIndex(
      Map<String, FileFacts> filesByPath,
      Map<String, FileFacts> filesByModule,
      long generation,
      Carry carry) {
    this.filesByPath = filesByPath;
    this.filesByModule = filesByModule;
    this.generation = generation;
    this.carry = carry;
  }

  private SymbolResolver newResolver() {
    Carry c = carry;
    return c == null || c.resolver() == null
        ? new SymbolResolver(this)
        : c.resolver().next(this, c.changed());
  }

  private OrmModel buildModel() {
    Carry c = carry;
    OrmModel built =
        c == null
            ? OrmModel.build(this)
            : new OrmModelBuilder(this, c.classified(), c.changed()).build();
    carry = null;
    return built;
  }

  /**
   * What a snapshot derived from this one may reuse, given the paths whose facts differ: nothing
   * when the set of modules changes (a new module can capture names).
   */
  private Carry carryTo(Set<String> changed, boolean sameModules) {
    if (!sameModules) {
      return null;
    }
    SymbolResolver resolver = symbols.peek();
    OrmModel built = model.peek();
    if (resolver != null && built != null) {
      return new Carry(resolver, built.classified(), Set.copyOf(changed));
    }
    Carry c = carry;
    if (c == null) {
      return null;
    }
    Set<String> all = new HashSet<>(c.changed());
    all.addAll(changed);
    return new Carry(c.resolver(), c.classified(), Set.copyOf(all));
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
    Set<String> changed = new HashSet<>();
    boolean sameModules = true;
    for (FileFacts f : files) {
      FileFacts before = byPath.put(f.path(), f);
      if (before != f) {
        changed.add(f.path());
        sameModules &= before != null && before.module().equals(f.module());
      }
    }
    // Same modules in the same files: only the changed files' entries of the module map move.
    Map<String, FileFacts> modules;
    if (sameModules && !filesByPath.isEmpty()) {
      Map<String, FileFacts> m = new HashMap<>(filesByModule);
      for (String path : changed) {
        FileFacts f = byPath.get(path);
        FileFacts winner = f.module() == null || f.module().isEmpty() ? null : m.get(f.module());
        if (winner != null && winner.path().equals(path)) {
          m.put(f.module(), f);
        }
      }
      modules = Collections.unmodifiableMap(m);
    } else {
      modules = byModule(byPath);
    }
    return new WorkspaceIndex(
        Collections.unmodifiableMap(byPath),
        modules,
        generation + 1,
        filesByPath.isEmpty() ? null : carryTo(changed, sameModules));
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
    return new WorkspaceIndex(
        Collections.unmodifiableMap(byPath), byModule(byPath), generation + 1, null);
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
    return Collections.unmodifiableMap(byModule);
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

  /**
   * The paths of the files resolving a name reads (the modules it passes through, re-exports
   * included): its answer holds in any snapshot where none of them changed.
   */
  public Set<String> pathsRead(String qualified) {
    return resolved(qualified).paths();
  }

  /** A resolution with the paths of the files it read. */
  SymbolResolver.Resolved resolved(String qualified) {
    return symbols.get().resolved(qualified);
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

    /** The value if it was computed, else null (without computing it). */
    T peek() {
      return value;
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
