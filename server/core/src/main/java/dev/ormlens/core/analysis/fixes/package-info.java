/**
 * Quick-fixes: one small class per fix ({@link dev.ormlens.core.analysis.fixes.QuickFix}),
 * registered in {@link dev.ormlens.core.analysis.fixes.Fixes} with the diagnostic codes it repairs.
 * A fix computes plain {@link dev.ormlens.core.text.TextEdit}s per file from the snapshot and the
 * files' current text ({@link dev.ormlens.core.analysis.fixes.SourceTexts}); the language server
 * turns them into versioned workspace edits, {@code ormlens fix} applies them to disk. Same input,
 * byte-identical edits in both. Depends on {@code core.analysis}, {@code core.index}, {@code
 * core.model} and {@code core.text} only: no LSP, no parser, no IO.
 */
package dev.ormlens.core.analysis.fixes;
