package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.text.TextRange;

/**
 * One module importing another, where it is written.
 *
 * @param range the imported module's name in the statement
 * @param submoduleName for the edge from {@code from pkg import name} to {@code pkg.name}: {@code
 *     name}. Such an edge exists only if {@code pkg.name} is a module and {@code pkg/__init__.py}
 *     binds nothing else as {@code name}, which the graph decides; null for every other edge
 */
public record ImportEdge(
    String from, String to, EdgeKind kind, String path, TextRange range, String submoduleName) {}
