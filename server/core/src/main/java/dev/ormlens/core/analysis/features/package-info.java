/**
 * The IDE features over one snapshot, one class per feature: references, hover, completion inside
 * ORM strings, rename, document and workspace symbols, code lenses, the entity graph. Plain data in
 * (paths, UTF-16 offsets), records out; reached through the {@link
 * dev.ormlens.core.analysis.Analysis} façade. Must not depend on LSP, parsers or the file system.
 */
package dev.ormlens.core.analysis.features;
