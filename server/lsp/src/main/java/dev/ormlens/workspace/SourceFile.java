package dev.ormlens.workspace;

import java.nio.file.Path;

/**
 * A Python file of the workspace.
 *
 * @param path the path shown to users and used as the index key: relative to the workspace root,
 *     {@code /}-separated
 * @param module its dotted module name from its import root
 */
public record SourceFile(Path absolute, String path, String module) {}
