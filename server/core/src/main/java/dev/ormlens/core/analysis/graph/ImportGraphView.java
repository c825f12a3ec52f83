package dev.ormlens.core.analysis.graph;

import dev.ormlens.core.analysis.imports.ImportEdge;
import dev.ormlens.core.analysis.imports.ImportGraph;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The import graph of the model modules, for display: the modules that define mapped classes,
 * tables or registries, the package {@code __init__} files that import them, the edges between them
 * labelled by when they run, and the cycles of imports that run at import time.
 */
public record ImportGraphView(List<Module> modules, List<Edge> edges, List<List<String>> cycles) {

  /** A module and its file. */
  public record Module(String name, String path) {}

  /**
   * An import. {@code kind} is {@code module}, {@code typeChecking}, {@code function}, {@code
   * implicit} or {@code conditional}.
   */
  public record Edge(String from, String to, String kind) {}

  /** The whole workspace's model modules, or one file's module and its direct neighbours. */
  public static ImportGraphView of(WorkspaceIndex index, ImportGraph graph, String pathOrNull) {
    Set<String> shown = new LinkedHashSet<>();
    FileFacts file = pathOrNull == null ? null : index.file(pathOrNull).orElse(null);
    if (pathOrNull != null) {
      if (file != null && !file.module().isEmpty()) {
        shown.add(file.module());
        for (ImportEdge e : graph.edges()) {
          if (e.from().equals(file.module())) {
            shown.add(e.to());
          } else if (e.to().equals(file.module())) {
            shown.add(e.from());
          }
        }
      }
    } else {
      for (FileFacts f : index.files()) {
        if (f.hasModelFacts() && !f.module().isEmpty()) {
          shown.add(f.module());
        }
      }
      for (ImportEdge e : graph.edges()) {
        FileFacts from = index.module(e.from()).orElse(null);
        if (from != null && from.packageInit() && shown.contains(e.to())) {
          shown.add(e.from());
        }
      }
    }
    TreeMap<String, Module> modules = new TreeMap<>();
    for (String m : shown) {
      index.module(m).ifPresent(f -> modules.put(m, new Module(m, f.path())));
    }
    Set<Edge> edges = new LinkedHashSet<>();
    for (ImportEdge e : graph.edges()) {
      if (modules.containsKey(e.from()) && modules.containsKey(e.to())) {
        edges.add(new Edge(e.from(), e.to(), e.kind().label()));
      }
    }
    List<Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(Edge::from).thenComparing(Edge::to).thenComparing(Edge::kind));
    List<List<String>> cycles = new ArrayList<>();
    for (List<String> cycle : graph.cycles()) {
      List<String> visible = cycle.stream().filter(modules::containsKey).toList();
      if (visible.size() > 1) {
        cycles.add(visible);
      }
    }
    return new ImportGraphView(
        List.copyOf(modules.values()), List.copyOf(sorted), List.copyOf(cycles));
  }

  /** Whether the edge runs at import time between two modules of one cycle. */
  public boolean inCycle(Edge e) {
    if (e.kind().equals("typeChecking") || e.kind().equals("function")) {
      return false;
    }
    for (List<String> c : cycles) {
      if (c.contains(e.from()) && c.contains(e.to())) {
        return true;
      }
    }
    return false;
  }
}
