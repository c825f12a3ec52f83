package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * A module-level function, with what ORM Lens needs to see through lazy resolvers.
 *
 * @param returns for a resolver ({@code def resolve_child(): from .child import Child; return
 *     Child}), the name it returns, qualified through its function-local imports; else null
 * @param returnsTableOfParameter true for the {@code from_clause(fn)} helper shape: {@code return
 *     lambda: fn().__table__}
 */
public record FunctionFact(
    String name,
    TextRange nameRange,
    TextRange range,
    List<String> parameters,
    NameRef returns,
    boolean returnsTableOfParameter) {}
