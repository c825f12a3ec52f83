/**
 * The language-neutral facts a front end extracts from one source file: entities (classes), tables,
 * columns, relationships, imports and the references between them, each with its source range.
 * Plain immutable records; depends only on {@code core.text}.
 */
package dev.ormlens.core.model;
