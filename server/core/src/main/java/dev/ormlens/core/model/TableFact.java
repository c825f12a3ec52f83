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
 * @param extendExisting {@code extend_existing=True} or {@code keep_existing=True}: redefining the
 *     table in the same metadata is allowed
 */
public record TableFact(
    String variable,
    TextRange variableRange,
    StringLiteral name,
    NameRef metadata,
    String schema,
    boolean extendExisting,
    List<ColumnFact> columns,
    TextRange range) {}
