/**
 * Graphs for people: the entity-relationship graph of the mapped classes and the import graph of
 * the model modules, as plain records (what the command line and the language server send), and
 * their renderings as Mermaid and Graphviz DOT text. Depends on {@code core.analysis}, {@code
 * core.index} and {@code core.model}; knows nothing of LSP or the file system.
 */
package dev.ormlens.core.analysis.graph;
