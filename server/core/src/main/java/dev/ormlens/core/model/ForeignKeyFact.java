package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * {@code ForeignKey("table.column")} (or {@code "schema.table.column"}), or SQLModel's {@code
 * Field(foreign_key="table.column")}. {@code target} is null when the argument is an expression
 * such as {@code ForeignKey(Parent.id)}, then {@code expression} names it.
 */
public record ForeignKeyFact(StringLiteral target, NameRef expression, TextRange range) {}
