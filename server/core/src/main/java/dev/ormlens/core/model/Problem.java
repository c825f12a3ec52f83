package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/** A syntax problem the parser recovered from: the file's facts are still usable. */
public record Problem(TextRange range, String message) {}
