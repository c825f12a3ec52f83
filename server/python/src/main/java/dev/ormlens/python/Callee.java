package dev.ormlens.python;

/**
 * The SQLAlchemy (and Flask-SQLAlchemy, SQLModel) callables the front end recognises, by the last
 * part of the callee's name: {@code relationship}, {@code orm.relationship}, {@code
 * db.relationship} and {@code rel} imported {@code as} from {@code sqlalchemy.orm} all qualify to a
 * name ending in {@code relationship}.
 */
enum Callee {
  RELATIONSHIP,
  BACKREF,
  MAPPED_COLUMN,
  COLUMN,
  FIELD,
  FOREIGN_KEY,
  TABLE,
  METADATA,
  DECLARATIVE_BASE,
  REGISTRY,
  GENERATE_BASE,
  FLASK_SQLALCHEMY,
  MAP_IMPERATIVELY,
  DECLARED_ATTR,
  OTHER;

  /**
   * Whether a call may create a project's own subclass of Flask-SQLAlchemy's extension ({@code db =
   * IndicoSQLAlchemy(app)}): facts are per file, so the front end records such calls by their usual
   * name and the model builder keeps them only if the class really subclasses {@code SQLAlchemy}.
   */
  static boolean maySubclassFlaskSqlalchemy(String qualified) {
    String last = qualified.substring(qualified.lastIndexOf('.') + 1);
    return last.endsWith("SQLAlchemy") && last.length() > "SQLAlchemy".length();
  }

  static Callee of(String qualified) {
    String last = qualified.substring(qualified.lastIndexOf('.') + 1);
    return switch (last) {
      case "relationship", "relation", "Relationship" -> RELATIONSHIP;
      case "backref" -> BACKREF;
      case "mapped_column" -> MAPPED_COLUMN;
      case "Column" -> COLUMN;
      case "Field" -> qualified.startsWith("sqlmodel") ? FIELD : OTHER;
      case "ForeignKey" -> FOREIGN_KEY;
      case "Table" -> TABLE;
      case "MetaData" -> METADATA;
      case "declarative_base" -> DECLARATIVE_BASE;
      case "registry" -> REGISTRY;
      case "generate_base" -> GENERATE_BASE;
      case "SQLAlchemy" -> FLASK_SQLALCHEMY;
      case "map_imperatively" -> MAP_IMPERATIVELY;
      case "declared_attr" -> DECLARED_ATTR;
      default -> OTHER;
    };
  }
}
