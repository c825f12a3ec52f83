package dev.ormlens.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ormlens.core.analysis.features.EntityGraph;
import dev.ormlens.core.index.WorkspaceIndex;

/** The entity graph in the shape the VS Code extension draws. */
final class GraphJson {
  private GraphJson() {}

  static JsonObject of(WorkspaceIndex index, EntityGraph.Graph graph) {
    JsonArray entities = new JsonArray();
    for (EntityGraph.Entity e : graph.entities()) {
      JsonObject o = new JsonObject();
      o.addProperty("name", e.name());
      o.addProperty("qualifiedName", e.qualifiedName());
      o.addProperty("table", e.table());
      var loc = ToLsp.location(index, e.location());
      o.addProperty("uri", Uris.toUri(e.location().path()));
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
    for (EntityGraph.Edge r : graph.relationships()) {
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
}
