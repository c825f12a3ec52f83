/**
 * The workspace index: an immutable snapshot of every file's facts, with symbol resolution across
 * modules (re-exports followed) and the ORM model derived from it (registries, mapped classes,
 * tables), resolved per registry as SQLAlchemy's {@code clsregistry} does. Depends on {@code
 * core.model} and {@code core.text} only: no LSP, no parser, no IO.
 */
package dev.ormlens.core.index;
