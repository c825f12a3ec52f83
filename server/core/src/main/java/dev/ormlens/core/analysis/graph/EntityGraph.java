package dev.ormlens.core.analysis.graph;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapped classes and the relationships between them: the workspace's ER diagram, or one file's
 * neighbourhood (its classes and the classes one relationship away).
 */
public record EntityGraph(List<Entity> entities, List<Relationship> relationships) {

  /** A mapped class with its table and columns. */
  public record Entity(
      String name,
      String qualifiedName,
      String table,
      String path,
      TextRange nameRange,
      List<Column> columns) {}

  /**
   * A column.
   *
   * @param foreignKey the first {@code ForeignKey("table.column")} target as written, or null
   */
  public record Column(String name, String type, boolean primaryKey, String foreignKey) {}

  /** A relationship attribute from one entity to another (qualified names). */
  public record Relationship(
      String from,
      String to,
      String attribute,
      Direction direction,
      String secondary,
      String backPopulates) {}

  /** SQLAlchemy's relationship directions. */
  public enum Direction {
    MANYTOONE,
    ONETOMANY,
    MANYTOMANY
  }

  /** Builds the graph of the workspace, or of one file's neighbourhood when a path is given. */
  public static EntityGraph of(Analysis analysis, String pathOrNull) {
    OrmModel model = analysis.model();
    List<MappedClass> classes = new ArrayList<>(model.classes());
    classes.sort(Comparator.comparing(MappedClass::qualifiedName));
    List<Relationship> relationships = new ArrayList<>();
    Map<String, MappedClass> included = new LinkedHashMap<>();
    for (MappedClass c : classes) {
      boolean inFile = pathOrNull == null || c.file().path().equals(pathOrNull);
      if (inFile) {
        included.put(c.qualifiedName(), c);
      }
      for (RelationshipSite site : c.relationships()) {
        ResolvedRelationship r = analysis.resolve(site);
        if (r == null || r.targetClass() == null) {
          continue;
        }
        MappedClass target = r.targetClass();
        boolean touchesFile =
            pathOrNull == null || inFile || target.file().path().equals(pathOrNull);
        if (!touchesFile) {
          continue;
        }
        included.putIfAbsent(c.qualifiedName(), c);
        included.putIfAbsent(target.qualifiedName(), target);
        relationships.add(
            new Relationship(
                c.qualifiedName(),
                target.qualifiedName(),
                site.fact().attribute(),
                direction(model, c, target, r),
                r.secondaryTable() != null ? r.secondaryTable().key() : null,
                site.fact().backPopulates() != null ? site.fact().backPopulates().value() : null));
      }
    }
    List<Entity> entities = new ArrayList<>();
    included.values().stream()
        .sorted(Comparator.comparing(MappedClass::qualifiedName))
        .forEach(c -> entities.add(entity(c)));
    return new EntityGraph(List.copyOf(entities), List.copyOf(relationships));
  }

  private static Entity entity(MappedClass c) {
    List<Column> columns = new ArrayList<>();
    for (ColumnSite col : c.columns()) {
      String fk = null;
      for (ForeignKeyFact f : col.fact().foreignKeys()) {
        if (f.target() != null) {
          fk = f.target().value();
          break;
        }
        if (f.expression() != null) {
          fk = f.expression().written();
          break;
        }
      }
      columns.add(new Column(col.fact().name(), col.fact().type(), col.fact().primaryKey(), fk));
    }
    return new Entity(
        c.name(),
        c.qualifiedName(),
        c.tableKey(),
        c.file().path(),
        c.fact().nameRange(),
        List.copyOf(columns));
  }

  /**
   * As SQLAlchemy decides it: a {@code secondary} makes it many-to-many; otherwise the side whose
   * table holds the foreign key is the "many" side. Without foreign keys to tell (a self-reference,
   * a computed key), a collection annotation says one-to-many.
   */
  private static Direction direction(
      OrmModel model, MappedClass owner, MappedClass target, ResolvedRelationship r) {
    if (r.site().fact().secondary() != null) {
      return Direction.MANYTOMANY;
    }
    boolean ownerRefersToTarget = refersTo(owner, target.tableKey());
    boolean targetRefersToOwner = refersTo(target, owner.tableKey());
    if (ownerRefersToTarget && !targetRefersToOwner) {
      return Direction.MANYTOONE;
    }
    if (targetRefersToOwner && !ownerRefersToTarget) {
      return Direction.ONETOMANY;
    }
    var annotation = r.site().fact().annotation();
    return annotation != null && annotation.collection()
        ? Direction.ONETOMANY
        : Direction.MANYTOONE;
  }

  private static boolean refersTo(MappedClass c, String tableKey) {
    if (tableKey == null) {
      return false;
    }
    for (ColumnSite col : c.columns()) {
      for (ForeignKeyFact f : col.fact().foreignKeys()) {
        String t = f.target() != null ? f.target().value() : null;
        if (t != null
            && t.lastIndexOf('.') > 0
            && t.substring(0, t.lastIndexOf('.')).equals(tableKey)) {
          return true;
        }
      }
    }
    return false;
  }
}
