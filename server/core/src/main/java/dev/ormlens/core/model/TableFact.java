package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * {@code Table("name", metadata, Column(...), ...)}, bound to a module-level variable or to a
 * class's {@code __table__}.
 *
 * @param variable the module-level name it is assigned to, or null
 * @param metadata the metadata argument as written ({@code Base.metadata}, {@code metadata_obj},
 *     {@code db.metadata}); Flask-SQLAlchemy's {@code db.Table} sets it to {@code db}
 */
public record TableFact(
    String variable,
    TextRange variableRange,
    StringLiteral name,
    NameRef metadata,
    String schema,
    List<ColumnFact> columns,
    TextRange range) {}
