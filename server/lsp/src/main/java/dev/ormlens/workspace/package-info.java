/**
 * The file system side of the engine: finds a workspace's Python files, reads them safely (size,
 * encoding, binary checks) and feeds them to the front end in parallel. Shared by the command line
 * and the language server; knows nothing of LSP.
 */
package dev.ormlens.workspace;
