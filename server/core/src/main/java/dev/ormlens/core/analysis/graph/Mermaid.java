package dev.ormlens.core.analysis.graph;

import dev.ormlens.core.analysis.graph.EntityGraph.Column;
import dev.ormlens.core.analysis.graph.EntityGraph.Entity;
import dev.ormlens.core.analysis.graph.EntityGraph.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Renders graphs as Mermaid text ({@code erDiagram}, {@code flowchart}). */
public final class Mermaid {
  private Mermaid() {}

  /** The entity graph as an {@code erDiagram}: entities with their columns, relationships. */
  public static String entities(EntityGraph graph) {
    Map<String, String> ids = Names.entityIds(graph);
    StringBuilder sb = new StringBuilder("erDiagram\n");
    for (Entity e : graph.entities()) {
      sb.append("    ").append(ids.get(e.qualifiedName()));
      if (e.table() != null) {
        sb.append("[\"").append(e.name()).append(" (").append(e.table()).append(")\"]");
      }
      sb.append(" {\n");
      for (Column c : e.columns()) {
        sb.append("        ").append(Names.word(c.type(), "column")).append(' ');
        sb.append(Names.word(c.name(), "column"));
        List<String> keys = new ArrayList<>();
        if (c.primaryKey()) {
          keys.add("PK");
        }
        if (c.foreignKey() != null) {
          keys.add("FK");
        }
        if (!keys.isEmpty()) {
          sb.append(' ').append(String.join(", ", keys));
        }
        if (c.foreignKey() != null) {
          sb.append(" \"").append(c.foreignKey().replace("\"", "'")).append('"');
        }
        sb.append('\n');
      }
      sb.append("    }\n");
    }
    for (Relationship r : graph.relationships()) {
      String shape =
          switch (r.direction()) {
            case MANYTOONE -> "}o--||";
            case ONETOMANY -> "||--o{";
            case MANYTOMANY -> "}o--o{";
          };
      sb.append("    ")
          .append(ids.get(r.from()))
          .append(' ')
          .append(shape)
          .append(' ')
          .append(ids.get(r.to()))
          .append(" : \"")
          .append(r.attribute())
          .append(r.secondary() != null ? " (" + r.secondary() + ")" : "")
          .append("\"\n");
    }
    return sb.toString();
  }

  /** The import graph as a {@code flowchart}, cycles in red. */
  public static String imports(ImportGraphView graph) {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    for (ImportGraphView.Module m : graph.modules()) {
      sb.append("    ").append(Names.id(m.name())).append("[\"").append(m.name()).append("\"]\n");
    }
    List<Integer> cycleLinks = new ArrayList<>();
    int index = 0;
    for (ImportGraphView.Edge e : graph.edges()) {
      String arrow =
          switch (e.kind()) {
            case "module" -> "-->";
            case "typeChecking" -> "-.->|TYPE_CHECKING|";
            case "function" -> "-.->|function|";
            default -> "-->|" + e.kind() + "|";
          };
      sb.append("    ")
          .append(Names.id(e.from()))
          .append(' ')
          .append(arrow)
          .append(' ')
          .append(Names.id(e.to()))
          .append('\n');
      if (graph.inCycle(e)) {
        cycleLinks.add(index);
      }
      index++;
    }
    TreeSet<String> inCycles = new TreeSet<>();
    graph.cycles().forEach(inCycles::addAll);
    if (!inCycles.isEmpty()) {
      sb.append("    classDef cycle fill:#fdd,stroke:#c00,stroke-width:2px\n");
      sb.append("    class ")
          .append(String.join(",", inCycles.stream().map(Names::id).toList()))
          .append(" cycle\n");
    }
    if (!cycleLinks.isEmpty()) {
      sb.append("    linkStyle ")
          .append(String.join(",", cycleLinks.stream().map(String::valueOf).toList()))
          .append(" stroke:#c00,stroke-width:2px\n");
    }
    return sb.toString();
  }
}
