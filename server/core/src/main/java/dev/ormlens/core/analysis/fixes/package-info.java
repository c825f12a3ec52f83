/**
 * Quick-fixes: one small class per fix, registered by diagnostic code. A fix computes plain {@link
 * dev.ormlens.core.text.TextEdit}s per file from the snapshot and the files' current text; the
 * language server turns them into versioned workspace edits, {@code ormlens fix} applies them to
 * disk. Same input, byte-identical edits in both.
 */
package dev.ormlens.core.analysis.fixes;
