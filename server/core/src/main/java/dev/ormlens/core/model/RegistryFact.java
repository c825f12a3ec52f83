package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * A module-level assignment that creates something classes and tables are registered in: {@code
 * Base = declarative_base()}, {@code reg = registry()}, {@code Base = reg.generate_base()}, {@code
 * db = SQLAlchemy()}, {@code metadata_obj = MetaData()}.
 *
 * @param source for {@code generate_base}, the registry it comes from; for a possible subclass of
 *     Flask-SQLAlchemy's extension, the class called; for a base or registry created with {@code
 *     metadata=...}, that metadata; else null
 */
public record RegistryFact(String name, TextRange nameRange, Kind kind, NameRef source) {
  /** What the assignment creates. */
  public enum Kind {
    DECLARATIVE_BASE,
    REGISTRY,
    GENERATED_BASE,
    FLASK_SQLALCHEMY,
    /**
     * {@code db = MySQLAlchemy(app)}: a Flask-SQLAlchemy extension if {@code MySQLAlchemy}
     * subclasses {@code flask_sqlalchemy.SQLAlchemy}, which only the model builder can tell.
     */
    FLASK_SQLALCHEMY_SUBCLASS,
    METADATA
  }
}
