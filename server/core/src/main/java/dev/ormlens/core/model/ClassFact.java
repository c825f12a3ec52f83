package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * A class statement at module level, with everything that can make it a mapped entity.
 *
 * @param keywords class keywords as written, e.g. SQLModel's {@code table=True}
 * @param tableName {@code __tablename__ = "..."}, or null
 * @param schema the schema of {@code __table_args__ = {"schema": "x"}} (or a tuple ending with such
 *     a dict), or null
 * @param extendExisting {@code __table_args__} says {@code extend_existing=True} or {@code
 *     keep_existing=True}: a second definition of the table amends the first instead of failing
 * @param dynamicTableName true when the table name is computed ({@code @declared_attr
 *     __tablename__}, a mixin's function): names that cannot be checked are then not reported
 * @param opaqueColumns an attribute is assigned the result of a call ORM Lens cannot see into (a
 *     helper such as {@code build_foreign_key_field(...)} that may return a column): the table's
 *     columns and foreign keys are then not all known
 * @param table {@code __table__ = Table(...)} or {@code __table__ = some_table}, or null
 * @param tableVariable for {@code __table__ = some_table}, the variable; else null
 * @param metadata a {@code metadata = ...} class attribute (declarative bases), or null
 * @param registry a {@code registry = some_registry} class attribute (a declarative base that
 *     shares an existing registry), or null
 * @param attributes every class-level name assigned or annotated, in order
 */
public record ClassFact(
    String name,
    TextRange nameRange,
    TextRange range,
    List<NameRef> bases,
    Map<String, String> keywords,
    List<NameRef> decorators,
    StringLiteral tableName,
    String schema,
    boolean extendExisting,
    boolean dynamicTableName,
    boolean opaqueColumns,
    TableFact table,
    NameRef tableVariable,
    NameRef metadata,
    NameRef registry,
    boolean isAbstract,
    List<ColumnFact> columns,
    List<RelationshipFact> relationships,
    List<Attribute> attributes) {

  /**
   * A class-level name and where it is bound.
   *
   * @param hintOnly annotated without a value ({@code x: Mapped[int]}): in a declarative class a
   *     mapped attribute, in an imperatively mapped one only a type hint
   */
  public record Attribute(String name, TextRange range, boolean hintOnly) {}
}
