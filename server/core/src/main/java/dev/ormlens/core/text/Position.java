package dev.ormlens.core.text;

/** A zero-based line and a zero-based column counted in UTF-16 code units, as LSP counts. */
public record Position(int line, int column) implements Comparable<Position> {
  @Override
  public int compareTo(Position o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }
}
