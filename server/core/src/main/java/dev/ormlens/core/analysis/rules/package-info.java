/**
 * Diagnostic rules, one class per code. Each says in its message what SQLAlchemy would do with the
 * same files. Rules read the {@link dev.ormlens.core.analysis.FileResolution}; they never parse and
 * never touch the file system.
 */
package dev.ormlens.core.analysis.rules;
