/**
 * The command line: {@code ormlens check|fix|graph|lsp}. A thin face over the engine: parse
 * arguments, load the workspace, call the analysis, print. Knows no LSP types.
 */
package dev.ormlens.cli;
