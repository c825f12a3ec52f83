package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.HashSet;
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
  private volatile List<Finding> circularImports;

  /** One failing import and every entry module from which it fails. */
  public record Finding(CircularImport failure, List<String> entries) {}

  public ImportAnalysis(ImportGraph graph, List<String> entryModules) {
    this.graph = graph;
    this.entryModules = List.copyOf(entryModules);
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
   * Whether {@code target} has run by the time mappers are configured, for a reference written in
   * {@code module}: it is in the run-time import closure of that module or of an entry module.
   */
  public boolean importedAtRunTime(String module, String target) {
    return graph.runtimeClosure(module).contains(target)
        || graph.runtimeClosure(entryModules).contains(target);
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
    for (List<String> run : runs()) {
      CircularImport failure = new ImportSimulation(graph).run(run);
      if (failure == null) {
        continue;
      }
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
   * The imports to replay: the configured entry modules in order, or each model module alone.
   * Without a cycle there is nothing to fail, so only modules that reach one are replayed.
   */
  private List<List<String>> runs() {
    if (!entryModules.isEmpty()) {
      return List.of(entryModules);
    }
    Set<String> inCycles = new HashSet<>();
    graph.cycles().forEach(inCycles::addAll);
    List<List<String>> runs = new ArrayList<>();
    if (inCycles.isEmpty()) {
      return runs;
    }
    List<String> models = new ArrayList<>();
    for (FileFacts f : graph.index().files()) {
      if (f.hasModelFacts() && !f.module().isEmpty()) {
        models.add(f.module());
      }
    }
    models.sort(null);
    for (String m : models) {
      Set<String> reached = graph.runtimeClosure(m);
      if (reached.stream().anyMatch(inCycles::contains)) {
        runs.add(List.of(m));
      }
    }
    return runs;
  }
}
