package dev.ormlens.core.analysis.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Tarjan's strongly connected components, iterative so deep import chains cannot overflow. */
final class Cycles {
  private Cycles() {}

  /** Components of more than one module (the graph holds no self-edges), sorted by name. */
  static List<List<String>> find(
      Map<String, List<ImportEdge>> outgoing, Predicate<ImportEdge> follow) {
    TreeSet<String> nodes = new TreeSet<>(outgoing.keySet());
    Map<String, Integer> indexOf = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    List<String> stack = new ArrayList<>();
    java.util.Set<String> onStack = new java.util.HashSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String root : nodes) {
      if (indexOf.containsKey(root)) {
        continue;
      }
      // Each frame: the node and how many of its edges have been looked at.
      List<Object[]> frames = new ArrayList<>();
      frames.add(new Object[] {root, 0});
      indexOf.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.add(root);
      onStack.add(root);
      while (!frames.isEmpty()) {
        Object[] frame = frames.get(frames.size() - 1);
        String v = (String) frame[0];
        List<ImportEdge> edges = outgoing.getOrDefault(v, List.of());
        int i = (Integer) frame[1];
        if (i < edges.size()) {
          frame[1] = i + 1;
          ImportEdge e = edges.get(i);
          if (!follow.test(e)) {
            continue;
          }
          String w = e.to();
          if (!indexOf.containsKey(w)) {
            indexOf.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.add(w);
            onStack.add(w);
            frames.add(new Object[] {w, 0});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), indexOf.get(w)));
          }
          continue;
        }
        frames.remove(frames.size() - 1);
        if (!frames.isEmpty()) {
          String parent = (String) frames.get(frames.size() - 1)[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(indexOf.get(v))) {
          List<String> component = new ArrayList<>();
          String w;
          do {
            w = stack.remove(stack.size() - 1);
            onStack.remove(w);
            component.add(w);
          } while (!w.equals(v));
          if (component.size() > 1) {
            component.sort(Comparator.naturalOrder());
            out.add(List.copyOf(component));
          }
        }
      }
    }
    out.sort(Comparator.comparing(c -> c.get(0)));
    return List.copyOf(out);
  }
}
