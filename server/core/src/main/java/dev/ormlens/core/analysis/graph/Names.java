package dev.ormlens.core.analysis.graph;

import dev.ormlens.core.analysis.graph.EntityGraph.Entity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Identifiers that diagram languages accept, for modules and entities. */
final class Names {
  private Names() {}

  /** {@code shop.parent} to {@code shop_parent}. */
  static String id(String dotted) {
    return dotted.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /**
   * A single word for a type or column name; {@code Optional[str]} becomes {@code Optional_str}.
   */
  static String word(String text, String fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String w = text.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    return w.isEmpty() ? fallback : w;
  }

  /** Class names where unique, qualified names (as identifiers) where two classes share one. */
  static Map<String, String> entityIds(EntityGraph graph) {
    Map<String, Integer> counts = new HashMap<>();
    for (Entity e : graph.entities()) {
      counts.merge(e.name(), 1, Integer::sum);
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (Entity e : graph.entities()) {
      ids.put(e.qualifiedName(), counts.get(e.name()) > 1 ? id(e.qualifiedName()) : e.name());
    }
    return ids;
  }
}
