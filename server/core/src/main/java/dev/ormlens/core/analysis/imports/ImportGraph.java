package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The import graph of one workspace snapshot: every workspace module's imports of other workspace
 * modules, each edge labelled with when it runs. Per-file edges come from {@link FileImports},
 * reused from the previous snapshot for files whose facts did not change; only the assembly (which
 * edges point at real modules) looks across files.
 */
public final class ImportGraph {
  private static final Predicate<ImportEdge> RUNS_AT_IMPORT = e -> e.kind().runsAtImport();
  private static final Predicate<ImportEdge> RUNS_OR_CALLED =
      e -> e.kind().runsAtImport() || e.kind() == EdgeKind.FUNCTION;

  private final WorkspaceIndex index;
  private final Map<String, FileImports> files;
  private final Map<String, List<ImportEdge>> outgoing;
  private volatile List<ImportEdge> edges;

  /**
   * Shared by graphs of the same shape (built one from another with every file's {@link
   * FileImports#shape} kept), along with everything that depends on the shape alone.
   */
  private final Shape shape;

  /** What depends only on the shape: the modules, which import which, when. */
  private static final class Shape {
    final Map<String, Set<String>> runtimeClosures = new ConcurrentHashMap<>();
    final Map<String, Set<String>> lazyClosures = new ConcurrentHashMap<>();
    volatile List<List<String>> cycles;
  }

  private static final AtomicLong SERIALS = new AtomicLong();
  private final long serial = SERIALS.incrementAndGet();

  /** The graph this one was derived from keeping its shape (its serial), or 0. */
  private final long keptShapeOf;

  /** The files derived afresh when this graph was built from {@link #keptShapeOf}. */
  private final Set<String> rederived;

  private ImportGraph(
      WorkspaceIndex index,
      Map<String, FileImports> files,
      Map<String, List<ImportEdge>> outgoing,
      Shape shape,
      long keptShapeOf,
      Set<String> rederived) {
    this.index = index;
    this.files = files;
    this.outgoing = outgoing;
    this.shape = shape;
    this.keptShapeOf = keptShapeOf;
    this.rederived = rederived;
  }

  /** The graph of a snapshot, computing every file's edges. */
  public static ImportGraph of(WorkspaceIndex index) {
    return of(index, null);
  }

  /**
   * The graph of a snapshot, reusing the per-file edges of {@code previous} (by path) for files
   * whose facts are unchanged. When every other file keeps its {@link FileImports#shape}, only
   * those files' edges are assembled again, and the closures and cycles carry over.
   */
  public static ImportGraph of(WorkspaceIndex index, ImportGraph previous) {
    Map<String, FileImports> files = new HashMap<>();
    List<FileImports> fresh = new ArrayList<>();
    for (FileFacts f : index.files()) {
      FileImports old = previous == null ? null : previous.files.get(f.path());
      FileImports now = old != null && unchanged(old.facts(), f) ? old : FileImports.of(f);
      files.put(f.path(), now);
      if (now != old) {
        fresh.add(now);
      }
    }
    if (previous != null && sameShape(previous, files, fresh)) {
      Map<String, List<ImportEdge>> out = new HashMap<>(previous.outgoing);
      Map<String, Map<String, List<Definition>>> packageNames = new HashMap<>();
      for (FileImports f : fresh) {
        if (index.module(f.module()).map(m -> m.path().equals(f.path())).orElse(false)) {
          out.remove(f.module());
          addEdges(index, f, out, packageNames);
        }
      }
      out.replaceAll((k, v) -> List.copyOf(v));
      return new ImportGraph(
          index,
          Collections.unmodifiableMap(files),
          Collections.unmodifiableMap(out),
          previous.shape,
          previous.serial,
          fresh.stream().map(FileImports::path).collect(Collectors.toUnmodifiableSet()));
    }
    Map<String, List<ImportEdge>> out = new HashMap<>();
    Map<String, Map<String, List<Definition>>> packageNames = new HashMap<>();
    for (FileImports f : files.values()) {
      addEdges(index, f, out, packageNames);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return new ImportGraph(
        index,
        Collections.unmodifiableMap(files),
        Collections.unmodifiableMap(out),
        new Shape(),
        0,
        Set.of());
  }

  private static void addEdges(
      WorkspaceIndex index,
      FileImports f,
      Map<String, List<ImportEdge>> out,
      Map<String, Map<String, List<Definition>>> packageNames) {
    // Outside every root, or shadowed by another file of the same module name. By path, not by
    // identity: a reused FileImports holds the previous snapshot's (equal) facts.
    if (f.module().isEmpty()
        || index.module(f.module()).map(m -> !m.path().equals(f.path())).orElse(true)) {
      return;
    }
    for (ImportEdge e : f.edges()) {
      if (exists(index, e, packageNames)) {
        out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }
  }

  private static boolean unchanged(FileFacts old, FileFacts now) {
    return old == now
        || (old.contentHash() == now.contentHash()
            && old.module().equals(now.module())
            && old.imports().equals(now.imports()));
  }

  /** The same files, and each one derived afresh with the same module and shape as before. */
  private static boolean sameShape(
      ImportGraph previous, Map<String, FileImports> files, List<FileImports> fresh) {
    if (previous.files.size() != files.size() || fresh.size() > files.size() / 2) {
      return false;
    }
    for (FileImports now : fresh) {
      FileImports before = previous.files.get(now.path());
      if (before == null
          || !before.module().equals(now.module())
          || !before.shape().equals(now.shape())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The files whose imports changed from {@code previous} to this graph, when this one was built
   * from it keeping every file's shape: imports do at run time what they did there. Else empty.
   */
  Optional<Set<String>> changedSameShape(ImportGraph previous) {
    return previous.serial == keptShapeOf ? Optional.of(rederived) : Optional.empty();
  }

  /** Per-file edges by path, to hand to the next snapshot's graph. */
  public Map<String, FileImports> files() {
    return files;
  }

  public FileImports file(String path) {
    return files.get(path);
  }

  public WorkspaceIndex index() {
    return index;
  }

  /** Every edge between workspace modules. */
  public List<ImportEdge> edges() {
    List<ImportEdge> e = edges;
    if (e == null) {
      List<ImportEdge> all = new ArrayList<>();
      outgoing.values().forEach(all::addAll);
      e = List.copyOf(all);
      edges = e;
    }
    return e;
  }

  public List<ImportEdge> edgesFrom(String module) {
    return outgoing.getOrDefault(module, List.of());
  }

  /**
   * The workspace modules that run when {@code module} is imported: itself, its parent packages,
   * and everything reached through imports that run at import time (module level, conditional,
   * implicit), never through {@code TYPE_CHECKING} or function-local imports.
   */
  public Set<String> runtimeClosure(String module) {
    return cached(module, RUNS_AT_IMPORT, shape.runtimeClosures);
  }

  /** Like {@link #runtimeClosure}, also following imports inside functions (lazy resolvers). */
  public Set<String> closureWithFunctions(String module) {
    return cached(module, RUNS_OR_CALLED, shape.lazyClosures);
  }

  /** The union of the run-time closures of several modules. */
  public Set<String> runtimeClosure(Collection<String> modules) {
    Set<String> out = new LinkedHashSet<>();
    for (String m : modules) {
      out.addAll(runtimeClosure(m));
    }
    return out;
  }

  /**
   * Groups of modules that import each other at import time (strongly connected components of the
   * run-time edges, with more than one module or a module importing itself), sorted by name.
   */
  public List<List<String>> cycles() {
    List<List<String>> c = shape.cycles;
    if (c == null) {
      c = Cycles.find(outgoing, e -> e.kind().runsAtImport());
      shape.cycles = c;
    }
    return c;
  }

  /** Not computeIfAbsent: a closure computes its package's first, in the same map. */
  private Set<String> cached(
      String module, Predicate<ImportEdge> follow, Map<String, Set<String>> cache) {
    Set<String> c = cache.get(module);
    if (c == null) {
      c = closure(module, follow, cache);
      Set<String> raced = cache.putIfAbsent(module, c);
      c = raced == null ? c : raced;
    }
    return c;
  }

  /**
   * What importing {@code start} runs: its parent packages' closure (shared by every module of the
   * package, and kept once) plus what {@code start} reaches beyond it. Storing every module's full
   * closure would repeat a package {@code __init__.py} that imports all models once per model.
   */
  private Set<String> closure(
      String start, Predicate<ImportEdge> follow, Map<String, Set<String>> cache) {
    Set<String> inherited = Set.of();
    for (int dot = start.lastIndexOf('.'); dot > 0; dot = start.lastIndexOf('.', dot - 1)) {
      String pkg = start.substring(0, dot);
      if (index.module(pkg).isPresent()) {
        inherited = cached(pkg, follow, cache);
        break;
      }
    }
    Set<String> own = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String m = todo.poll();
      if (inherited.contains(m) || !own.add(m)) {
        continue;
      }
      for (ImportEdge e : edgesFrom(m)) {
        if (follow.test(e) && !own.contains(e.to()) && !inherited.contains(e.to())) {
          todo.add(e.to());
        }
      }
    }
    return own.isEmpty() ? inherited : new Union(inherited, Set.copyOf(own));
  }

  /** Two disjoint sets seen as one, without copying. */
  private static final class Union extends AbstractSet<String> {
    private final Set<String> first;
    private final Set<String> second;

    Union(Set<String> first, Set<String> second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public boolean contains(Object o) {
      return second.contains(o) || first.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
      return Stream.concat(first.stream(), second.stream()).iterator();
    }

    @Override
    public int size() {
      return first.size() + second.size();
    }
  }

  /**
   * Whether the edge's target is a workspace module the import really runs; {@code packageNames}
   * caches each package's definitions by name, since one {@code __init__.py} may bind thousands.
   */
  private static boolean exists(
      WorkspaceIndex index, ImportEdge e, Map<String, Map<String, List<Definition>>> packageNames) {
    if (e.to().equals(e.from()) || index.module(e.to()).isEmpty()) {
      return false;
    }
    if (e.submoduleName() == null) {
      return true;
    }
    String pkg = e.to().substring(0, e.to().length() - e.submoduleName().length() - 1);
    FileFacts init = index.module(pkg).orElse(null);
    if (init == null) {
      return true; // A namespace package binds nothing itself.
    }
    Map<String, List<Definition>> byName =
        packageNames.computeIfAbsent(pkg, k -> byName(init.definitions()));
    for (Definition d : byName.getOrDefault(e.submoduleName(), List.of())) {
      if (d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT && !e.to().equals(d.target())) {
        return false; // The package binds the name to something else: no submodule import.
      }
    }
    return true;
  }

  private static Map<String, List<Definition>> byName(List<Definition> definitions) {
    Map<String, List<Definition>> out = new HashMap<>();
    for (Definition d : definitions) {
      out.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    }
    return out;
  }
}
