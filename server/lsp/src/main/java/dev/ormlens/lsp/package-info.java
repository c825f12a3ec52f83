/**
 * The language server: the only code that knows LSP. Converts protocol positions to offsets ({@link
 * dev.ormlens.lsp.FromLsp}), asks the engine's {@link dev.ormlens.core.analysis.Analysis} façade,
 * converts plain results back ({@link dev.ormlens.lsp.ToLsp}). Keeps the open documents, re-indexes
 * changed files off the reader thread and swaps immutable snapshots. Depends on lsp4j, the engine
 * and the workspace loader; the engine must never depend on it.
 */
package dev.ormlens.lsp;
