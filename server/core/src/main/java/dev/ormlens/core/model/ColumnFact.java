package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * A mapped column: {@code id: Mapped[int] = mapped_column(...)}, {@code id = Column(...)}, {@code
 * Column("id", ...)} inside a {@code Table}, SQLModel's {@code Field(...)}, or a bare {@code name:
 * Mapped[str]}.
 *
 * @param attribute the class attribute name (null for a column of a plain {@code Table})
 * @param name the database column name (the explicit name argument, else the attribute)
 */
public record ColumnFact(
    String attribute,
    TextRange attributeRange,
    String name,
    TextRange nameRange,
    List<ForeignKeyFact> foreignKeys,
    boolean primaryKey,
    String type) {}
