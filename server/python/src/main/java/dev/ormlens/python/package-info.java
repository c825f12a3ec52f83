/**
 * The Python front end: reads one Python file's text with tree-sitter and produces its {@link
 * dev.ormlens.core.model.FileFacts}. The only package that touches tree-sitter; knows nothing of
 * LSP, of other files, or of the file system.
 */
package dev.ormlens.python;
