package dev.ormlens.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.graph.EntityGraph;
import dev.ormlens.core.analysis.graph.ImportGraphView;
import dev.ormlens.core.index.WorkspaceIndex;

/** The entity and import graphs in the shapes the VS Code extension draws. */
final class GraphJson {
  private GraphJson() {}

  static JsonObject entities(WorkspaceIndex index, EntityGraph graph) {
    JsonArray entities = new JsonArray();
    for (EntityGraph.Entity e : graph.entities()) {
      JsonObject o = new JsonObject();
      o.addProperty("name", e.name());
      o.addProperty("qualifiedName", e.qualifiedName());
      o.addProperty("table", e.table());
      var loc = ToLsp.location(index, new Location(e.path(), e.nameRange()));
      o.addProperty("uri", Uris.toUri(e.path()));
      o.addProperty("line", loc == null ? 0 : loc.getRange().getStart().getLine());
      o.addProperty("character", loc == null ? 0 : loc.getRange().getStart().getCharacter());
      JsonArray columns = new JsonArray();
      for (EntityGraph.Column c : e.columns()) {
        JsonObject col = new JsonObject();
        col.addProperty("name", c.name());
        col.addProperty("type", c.type());
        col.addProperty("primaryKey", c.primaryKey());
        col.addProperty("foreignKey", c.foreignKey());
        columns.add(col);
      }
      o.add("columns", columns);
      entities.add(o);
    }
    JsonArray relationships = new JsonArray();
    for (EntityGraph.Relationship r : graph.relationships()) {
      JsonObject o = new JsonObject();
      o.addProperty("from", r.from());
      o.addProperty("to", r.to());
      o.addProperty("attribute", r.attribute());
      o.addProperty("direction", r.direction().name());
      o.addProperty("secondary", r.secondary());
      o.addProperty("backPopulates", r.backPopulates());
      relationships.add(o);
    }
    JsonObject out = new JsonObject();
    out.add("entities", entities);
    out.add("relationships", relationships);
    return out;
  }

  static JsonObject imports(ImportGraphView graph) {
    JsonArray modules = new JsonArray();
    for (ImportGraphView.Module m : graph.modules()) {
      JsonObject o = new JsonObject();
      o.addProperty("name", m.name());
      o.addProperty("uri", m.path() == null ? null : Uris.toUri(m.path()));
      modules.add(o);
    }
    JsonArray edges = new JsonArray();
    for (ImportGraphView.Edge e : graph.edges()) {
      JsonObject o = new JsonObject();
      o.addProperty("from", e.from());
      o.addProperty("to", e.to());
      o.addProperty("kind", e.kind());
      edges.add(o);
    }
    JsonArray cycles = new JsonArray();
    for (var cycle : graph.cycles()) {
      JsonArray c = new JsonArray();
      cycle.forEach(c::add);
      cycles.add(c);
    }
    JsonObject out = new JsonObject();
    out.add("modules", modules);
    out.add("edges", edges);
    out.add("cycles", cycles);
    return out;
  }
}
