package dev.ormlens.core.analysis;

import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.text.TextRange;

/**
 * A place in source that names a class, table, relationship or column, and what it resolved to.
 * Navigation, hover, rename and the diagnostics all read these.
 */
public record Reference(String path, TextRange range, Kind kind, Target target) {

  /** The syntactic form of the reference. */
  public enum Kind {
    CLASS_STRING,
    CLASS_NAME,
    ANNOTATION,
    RESOLVER,
    TABLE_STRING,
    TABLE_NAME,
    BACK_POPULATES,
    BACKREF,
    FOREIGN_KEY_TABLE,
    FOREIGN_KEY_COLUMN,
    EXPRESSION
  }

  /** What a reference denotes. */
  public sealed interface Target {
    /** Where the target is defined. */
    Location definition();

    /**
     * Identifies the target across snapshots' reference lists: its kind and where it is defined (a
     * class and a Flask-SQLAlchemy default table share the class name's range, not the kind).
     */
    default String key() {
      Location d = definition();
      return getClass().getSimpleName() + "@" + d.path() + ":" + d.range().start();
    }

    /** A mapped class. */
    record MappedClassTarget(OrmModel.MappedClass mappedClass) implements Target {
      public Location definition() {
        return new Location(mappedClass.file().path(), mappedClass.fact().nameRange());
      }
    }

    /** A table. */
    record TableTarget(OrmModel.MappedTable table) implements Target {
      public Location definition() {
        return new Location(table.file().path(), table.nameRange());
      }
    }

    /** A relationship attribute. */
    record RelationshipTarget(OrmModel.RelationshipSite relationship) implements Target {
      public Location definition() {
        return new Location(relationship.file().path(), relationship.fact().attributeRange());
      }
    }

    /** A column of a table. */
    record ColumnTarget(OrmModel.MappedTable table, OrmModel.ColumnSite column) implements Target {
      public Location definition() {
        TextRange r =
            column.fact().attributeRange() != null
                ? column.fact().attributeRange()
                : column.fact().nameRange();
        return new Location(column.file().path(), r);
      }
    }

    /** A resolver function (its returned class is the relationship's target). */
    record FunctionTarget(FileFacts file, FunctionFact function) implements Target {
      public Location definition() {
        return new Location(file.path(), function.nameRange());
      }
    }
  }
}
