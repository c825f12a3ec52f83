package dev.ormlens.core.text;

/** Replace a range of one file's text with new text. */
public record TextEdit(TextRange range, String newText) {}
