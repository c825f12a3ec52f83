/**
 * The on-disk index cache: every file's facts saved with its size, timestamp and content hash, so a
 * restart reads facts instead of parsing. Stamped with the version and the shape of the fact
 * records, checksummed, and rebuilt when either does not match. Depends on {@code core.model} and
 * the JDK only; never on the language server or the parser.
 */
package dev.ormlens.workspace.cache;
