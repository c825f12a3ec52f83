package dev.ormlens.cli;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.Position;
import dev.ormlens.core.text.TextRange;

/** A range as people and tools count it: 1-based lines, 1-based UTF-16 columns. */
record Span(int line, int column, int endLine, int endColumn) {
  static Span of(LineMap lines, TextRange range) {
    Position s = lines.position(range.start());
    Position e = lines.position(range.end());
    return new Span(s.line() + 1, s.column() + 1, e.line() + 1, e.column() + 1);
  }
}
