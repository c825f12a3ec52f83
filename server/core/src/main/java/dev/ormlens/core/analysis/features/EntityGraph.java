package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.ForeignKeyFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entity-relationship graph: mapped classes with their tables and columns, and relationships
 * with their direction. For one file, its classes and the classes they relate to.
 */
public final class EntityGraph {
  /** A column of an entity's table. */
  public record Column(String name, String type, boolean primaryKey, String foreignKey) {}

  /** A mapped class. */
  public record Entity(
      String name, String qualifiedName, String table, Location location, List<Column> columns) {}

  /** A relationship between two entities (qualified names). */
  public record Edge(
      String from,
      String to,
      String attribute,
      Direction.Kind direction,
      String secondary,
      String backPopulates) {}

  public record Graph(List<Entity> entities, List<Edge> relationships) {}

  private EntityGraph() {}

  /**
   * @param path a file to centre on, or null for the whole workspace
   */
  public static Graph of(Analysis analysis, String path) {
    List<Edge> edges = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (MappedClass c : analysis.model().classes()) {
      for (RelationshipSite site : c.relationships()) {
        ResolvedRelationship r = analysis.resolve(site);
        if (r == null || r.targetClass() == null) {
          continue;
        }
        boolean touches =
            path == null
                || c.file().path().equals(path)
                || r.targetClass().file().path().equals(path);
        if (!touches) {
          continue;
        }
        wanted.add(c.qualifiedName());
        wanted.add(r.targetClass().qualifiedName());
        edges.add(
            new Edge(
                c.qualifiedName(),
                r.targetClass().qualifiedName(),
                site.fact().attribute(),
                Direction.of(analysis, r).kind(),
                r.secondaryTable() == null ? null : r.secondaryTable().key(),
                site.fact().backPopulates() == null ? null : site.fact().backPopulates().value()));
      }
    }
    List<Entity> entities = new ArrayList<>();
    for (MappedClass c : analysis.model().classes()) {
      if (path != null && !c.file().path().equals(path) && !wanted.contains(c.qualifiedName())) {
        continue;
      }
      MappedTable table = analysis.tableOf(c);
      List<Column> columns = new ArrayList<>();
      if (table != null) {
        for (ColumnSite col : table.columns()) {
          String fk = null;
          for (ForeignKeyFact f : col.fact().foreignKeys()) {
            if (f.target() != null) {
              fk = f.target().value();
            }
          }
          columns.add(
              new Column(col.fact().name(), col.fact().type(), col.fact().primaryKey(), fk));
        }
      }
      entities.add(
          new Entity(
              c.name(),
              c.qualifiedName(),
              table == null ? c.tableKey() : table.key(),
              new Location(c.file().path(), c.fact().nameRange()),
              List.copyOf(columns)));
    }
    entities.sort(Comparator.comparing(Entity::qualifiedName));
    edges.sort(Comparator.comparing(Edge::from).thenComparing(Edge::attribute));
    return new Graph(List.copyOf(entities), List.copyOf(edges));
  }
}
