package dev.ormlens.core.analysis;

import dev.ormlens.core.text.TextRange;

/** A range in a workspace file. */
public record Location(String path, TextRange range) {}
