package dev.ormlens.core.analysis.fixes;

import java.util.Optional;

/**
 * The current text of workspace files: open editor buffers shadow disk in the language server; the
 * command line reads disk. Fixes need text the index does not keep (indentation, quotes).
 */
@FunctionalInterface
public interface SourceTexts {
  Optional<String> text(String path);
}
