package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * A string literal: its value, the range of its content between the quotes (what rename and
 * completion replace) and the range of the whole literal, quotes included.
 */
public record StringLiteral(String value, TextRange contentRange, TextRange literalRange) {}
