/**
 * The analysis façade and its features: resolution of every reference form, diagnostics (one rule
 * class per code, in {@code rules}), navigation. Speaks plain data (paths, UTF-16 offsets,
 * records); knows nothing of LSP, of parsers or of the file system.
 */
package dev.ormlens.core.analysis;
