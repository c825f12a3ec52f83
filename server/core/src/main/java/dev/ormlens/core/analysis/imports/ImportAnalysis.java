package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the import graph of one snapshot means for the application: which imports fail with a
 * circular {@code ImportError}, and which modules run before mapper configuration. The outcome
 * depends on the module the application imports first: the configured entry modules, or, when none
 * are configured, each model module in turn.
 */
public final class ImportAnalysis {
  private final ImportGraph graph;
  private final List<String> entryModules;
  private final List<String> declaredEntries;
  private volatile List<EntryPoints.Entry> entryPoints;
  private volatile Set<String> inferredClosure;
  private volatile Boolean startupUnknowable;
  private volatile List<Finding> circularImports;
  private volatile Map<String, List<ImportSimulation.Checkpoint>> timeline;
  private volatile Set<String> entriesClosure;

  /** One failing import and every entry module from which it fails. */
  public record Finding(CircularImport failure, List<String> entries) {}

  public ImportAnalysis(ImportGraph graph, List<String> entryModules) {
    this(graph, entryModules, List.of());
  }

  /**
   * @param declaredEntries modules the project declares it starts from; used, with the entries ORM
   *     Lens infers, only when no entry module is configured
   */
  public ImportAnalysis(
      ImportGraph graph, List<String> entryModules, List<String> declaredEntries) {
    this.graph = graph;
    this.entryModules = List.copyOf(entryModules);
    this.declaredEntries = List.copyOf(declaredEntries);
  }

  /** The configured entry modules, or else the inferred ones, each with why. */
  public List<EntryPoints.Entry> entryPoints() {
    List<EntryPoints.Entry> e = entryPoints;
    if (e == null) {
      e = EntryPoints.of(graph.index(), entryModules, declaredEntries);
      entryPoints = e;
    }
    return e;
  }

  /** Inferred entries (none when entries are configured). */
  public List<String> inferredEntries() {
    return entryModules.isEmpty()
        ? entryPoints().stream().map(EntryPoints.Entry::module).toList()
        : List.of();
  }

  /**
   * Everything the inferred entries may import, function-level imports included (an app factory
   * imports its models when the application calls it at start-up).
   */
  private Set<String> inferredClosure() {
    Set<String> c = inferredClosure;
    if (c == null) {
      Set<String> all = new java.util.HashSet<>();
      for (String e : inferredEntries()) {
        all.addAll(graph.closureWithFunctions(e));
      }
      c = Set.copyOf(all);
      inferredClosure = c;
    }
    return c;
  }

  /**
   * The analysis of a newer snapshot's graph, with the same entry modules. When only the insides of
   * files changed, keeping each file's {@link FileImports#shape} (the usual keystroke), imports do
   * what they did: the replays of this analysis are carried over, with the changed files' import
   * positions moved to where those statements now are. A failing import that involves a changed
   * file is replayed again, so its message quotes the current lines.
   */
  public ImportAnalysis next(ImportGraph newer) {
    ImportAnalysis next = new ImportAnalysis(newer, entryModules, declaredEntries);
    Set<String> changed = newer.changedSameShape(graph).orElse(null);
    if (changed == null) {
      return next;
    }
    List<Finding> findings = circularImports;
    if (findings != null && findings.stream().noneMatch(f -> involves(f.failure(), changed))) {
      next.circularImports = findings;
    }
    Map<String, List<ImportSimulation.Checkpoint>> t = timeline;
    if (t != null) {
      Map<String, List<ImportSimulation.Checkpoint>> moved = new LinkedHashMap<>(t);
      for (String path : changed) {
        List<ImportSimulation.Checkpoint> points = t.get(path);
        if (points != null) {
          moved.put(path, movedCheckpoints(points, graph.file(path), newer.file(path)));
        }
      }
      next.timeline = moved;
    }
    return next;
  }

  private static boolean involves(CircularImport failure, Set<String> paths) {
    if (paths.contains(failure.file().path())) {
      return true;
    }
    return failure.chain().stream().anyMatch(s -> paths.contains(s.file().path()));
  }

  /** Same statements, same order: the k-th import of the old text is the k-th of the new. */
  private static List<ImportSimulation.Checkpoint> movedCheckpoints(
      List<ImportSimulation.Checkpoint> points, FileImports before, FileImports after) {
    Map<Integer, Integer> position = new HashMap<>();
    List<ImportFact> old = before.statementsInOrder();
    List<ImportFact> now = after.statementsInOrder();
    for (int k = 0; k < old.size(); k++) {
      position.put(old.get(k).statementRange().start(), now.get(k).statementRange().start());
    }
    List<ImportSimulation.Checkpoint> out = new ArrayList<>(points.size());
    for (ImportSimulation.Checkpoint c : points) {
      int p = position.getOrDefault(c.position(), c.position());
      out.add(new ImportSimulation.Checkpoint(c.path(), p, c.rank()));
    }
    return out;
  }

  public ImportGraph graph() {
    return graph;
  }

  /** The configured entry modules; empty when each model module is a possible first import. */
  public List<String> entryModules() {
    return entryModules;
  }

  /** Every circular import that fails, once per failing statement. */
  public List<Finding> circularImports() {
    List<Finding> c = circularImports;
    if (c == null) {
      c = findCircularImports();
      circularImports = c;
    }
    return c;
  }

  /**
   * When the statement at {@code position} in {@code path} runs, relative to the other files' as
   * the application imports them (the entry modules, or else every model module in turn, which runs
   * their packages' {@code __init__.py} first): statements with a lower rank run earlier; the rank
   * is the same within a stretch of one file between two imports, so ties go by position. A file
   * that never runs ranks last. SQLAlchemy creates mappers, and later configures them, in this
   * order.
   */
  public int runRank(String path, int position) {
    List<ImportSimulation.Checkpoint> points = timeline().get(path);
    if (points != null) {
      for (ImportSimulation.Checkpoint c : points) {
        if (c.position() > position) {
          return c.rank();
        }
      }
    }
    return Integer.MAX_VALUE;
  }

  private Map<String, List<ImportSimulation.Checkpoint>> timeline() {
    Map<String, List<ImportSimulation.Checkpoint>> t = timeline;
    if (t == null) {
      List<String> modules = new ArrayList<>(entryModules);
      if (modules.isEmpty()) {
        for (FileFacts f : graph.index().files()) {
          if (f.hasModelFacts() && !f.module().isEmpty()) {
            modules.add(f.module());
          }
        }
        modules.sort(null);
      }
      t = new LinkedHashMap<>();
      for (ImportSimulation.Checkpoint c : new ImportSimulation(graph).timeline(modules)) {
        t.computeIfAbsent(c.path(), k -> new ArrayList<>()).add(c);
      }
      timeline = t;
    }
    return t;
  }

  /**
   * Whether {@code target} has run by the time mappers are configured, for a reference written in
   * {@code module}: it is in the run-time import closure of that module or of an entry module.
   */
  /**
   * Whether what the application imports at start-up cannot be read: an inferred entry reaches a
   * call that imports a computed module name (indico's {@code import_all_models()} walks its {@code
   * models/} folders with {@code import_module}). A latent "never imported" claim then rests on
   * nothing, so none is made.
   */
  public boolean startupImportsUnknowable() {
    Boolean u = startupUnknowable;
    if (u == null) {
      u = false;
      for (String m : inferredClosure()) {
        var f = graph.index().module(m);
        if (f.isPresent() && !f.get().dynamicImports().isEmpty()) {
          u = true;
          break;
        }
      }
      startupUnknowable = u;
    }
    return u;
  }

  public boolean importedAtRunTime(String module, String target) {
    return graph.runtimeClosure(module).contains(target)
        || entriesClosure().contains(target)
        || inferredClosure().contains(target);
  }

  private Set<String> entriesClosure() {
    Set<String> c = entriesClosure;
    if (c == null) {
      c = Set.copyOf(graph.runtimeClosure(entryModules));
      entriesClosure = c;
    }
    return c;
  }

  /** Whether {@code target} is reached only through an import inside a function (a resolver). */
  public boolean importedOnlyWhenCalled(String module, String target) {
    if (importedAtRunTime(module, target)) {
      return false;
    }
    if (graph.closureWithFunctions(module).contains(target)) {
      return true;
    }
    for (String e : entryModules) {
      if (graph.closureWithFunctions(e).contains(target)) {
        return true;
      }
    }
    return false;
  }

  private List<Finding> findCircularImports() {
    Map<String, Finding> byStatement = new LinkedHashMap<>();
    for (CircularImport failure : failures()) {
      String key =
          failure.file().path()
              + ":"
              + failure.statement().statementRange().start()
              + ":"
              + failure.name().name();
      Finding previous = byStatement.get(key);
      List<String> entries = new ArrayList<>(previous == null ? List.of() : previous.entries());
      entries.add(failure.entry());
      byStatement.put(
          key, new Finding(previous == null ? failure : previous.failure(), List.copyOf(entries)));
    }
    return List.copyOf(byStatement.values());
  }

  /**
   * The failures of the configured entry modules imported in order, or of each model module
   * imported alone. Without a run-time cycle nothing can fail, so nothing is replayed.
   */
  private List<CircularImport> failures() {
    if (!entryModules.isEmpty()) {
      CircularImport failure = new ImportSimulation(graph).run(entryModules);
      return failure == null ? List.of() : List.of(failure);
    }
    if (graph.cycles().isEmpty()) {
      return List.of();
    }
    List<String> models = new ArrayList<>();
    for (FileFacts f : graph.index().files()) {
      if (f.hasModelFacts() && !f.module().isEmpty()) {
        models.add(f.module());
      }
    }
    return List.copyOf(new ImportSimulation(graph).runEachAlone(models).values());
  }
}
