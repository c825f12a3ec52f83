package dev.ormlens.core.analysis.graph;

import dev.ormlens.core.analysis.graph.EntityGraph.Column;
import dev.ormlens.core.analysis.graph.EntityGraph.Entity;
import dev.ormlens.core.analysis.graph.EntityGraph.Relationship;
import java.util.Map;
import java.util.TreeSet;

/** Renders graphs as Graphviz DOT text. */
public final class Dot {
  private Dot() {}

  /** The entity graph: one record-shaped node per entity, one labelled edge per relationship. */
  public static String entities(EntityGraph graph) {
    Map<String, String> ids = Names.entityIds(graph);
    StringBuilder sb = new StringBuilder("digraph entities {\n");
    sb.append("  rankdir=LR;\n  node [shape=record, fontname=\"Helvetica\"];\n");
    for (Entity e : graph.entities()) {
      StringBuilder label = new StringBuilder("{").append(escape(e.name()));
      if (e.table() != null) {
        label.append(" (").append(escape(e.table())).append(')');
      }
      label.append('|');
      for (Column c : e.columns()) {
        label.append(escape(c.name()));
        if (c.type() != null) {
          label.append(": ").append(escape(c.type()));
        }
        if (c.primaryKey()) {
          label.append(" PK");
        }
        if (c.foreignKey() != null) {
          label.append(" FK ").append(escape(c.foreignKey()));
        }
        label.append("\\l");
      }
      label.append('}');
      sb.append("  ")
          .append(quote(ids.get(e.qualifiedName())))
          .append(" [label=\"")
          .append(label)
          .append("\"];\n");
    }
    for (Relationship r : graph.relationships()) {
      String arrows =
          switch (r.direction()) {
            case MANYTOONE -> "arrowhead=normal, arrowtail=crow";
            case ONETOMANY -> "arrowhead=crow, arrowtail=none";
            case MANYTOMANY -> "arrowhead=crow, arrowtail=crow";
          };
      sb.append("  ")
          .append(quote(ids.get(r.from())))
          .append(" -> ")
          .append(quote(ids.get(r.to())))
          .append(" [label=\"")
          .append(r.attribute())
          .append(r.secondary() != null ? " (" + r.secondary() + ")" : "")
          .append("\", dir=both, ")
          .append(arrows)
          .append("];\n");
    }
    return sb.append("}\n").toString();
  }

  /** The import graph: dashed edges never run at import time; cycles in red. */
  public static String imports(ImportGraphView graph) {
    StringBuilder sb = new StringBuilder("digraph imports {\n");
    sb.append("  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    TreeSet<String> inCycles = new TreeSet<>();
    graph.cycles().forEach(inCycles::addAll);
    for (ImportGraphView.Module m : graph.modules()) {
      sb.append("  ").append(quote(m.name()));
      if (inCycles.contains(m.name())) {
        sb.append(" [color=red, fontcolor=red]");
      }
      sb.append(";\n");
    }
    for (ImportGraphView.Edge e : graph.edges()) {
      sb.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()));
      String attributes =
          switch (e.kind()) {
            case "module" -> "";
            case "typeChecking" -> "style=dashed, label=\"TYPE_CHECKING\"";
            case "function" -> "style=dotted, label=\"function\"";
            default -> "label=\"" + e.kind() + "\"";
          };
      if (graph.inCycle(e)) {
        attributes += (attributes.isEmpty() ? "" : ", ") + "color=red, penwidth=2";
      }
      if (!attributes.isEmpty()) {
        sb.append(" [").append(attributes).append(']');
      }
      sb.append(";\n");
    }
    return sb.append("}\n").toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Record labels give meaning to braces, bars and angle brackets. */
  private static String escape(String s) {
    return s.replaceAll("([{}|<>\"\\\\])", "\\\\$1");
  }
}
