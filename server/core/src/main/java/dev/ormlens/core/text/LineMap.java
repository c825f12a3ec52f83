package dev.ormlens.core.text;

import java.util.Arrays;

/**
 * Converts between offsets in a text and (line, UTF-16 column) positions. Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as LSP defines them.
 */
public final class LineMap {
  private final int[] lineStarts;
  private final int length;

  private LineMap(int[] lineStarts, int length) {
    this.lineStarts = lineStarts;
    this.length = length;
  }

  public static LineMap of(CharSequence text) {
    int[] starts = new int[16];
    int count = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean newline = c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'));
      if (newline) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineMap(Arrays.copyOf(starts, count), n);
  }

  /** A line map from line starts saved earlier by {@link #lineStarts()} (an index cache). */
  public static LineMap ofLineStarts(int[] lineStarts, int length) {
    if (lineStarts.length == 0 || lineStarts[0] != 0) {
      throw new IllegalArgumentException("line starts must begin at 0");
    }
    return new LineMap(lineStarts.clone(), length);
  }

  /** The offset each line starts at, the first being 0: enough to rebuild the map. */
  public int[] lineStarts() {
    return lineStarts.clone();
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int length() {
    return length;
  }

  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, length));
    int line = lineOf(clamped);
    return new Position(line, clamped - lineStarts[line]);
  }

  /** Zero-based line containing the offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
    return i >= 0 ? i : -i - 2;
  }

  public int lineStart(int line) {
    if (line < 0) {
      return 0;
    }
    return line >= lineStarts.length ? length : lineStarts[line];
  }

  /** The end of a line's content, before its line terminator. */
  public int lineEnd(int line, CharSequence text) {
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
    while (end > lineStart(line)
        && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /**
   * The offset of a position in {@code text} (the text this map was made of), clamped as LSP asks:
   * a column past the line's end lands before the line terminator, never after it (nor between
   * {@code \r} and {@code \n}).
   */
  public int offset(Position position, CharSequence text) {
    if (position.line() >= lineStarts.length) {
      return length;
    }
    if (position.line() < 0) {
      return 0;
    }
    int start = lineStarts[position.line()];
    return Math.min(start + Math.max(0, position.column()), lineEnd(position.line(), text));
  }

  /**
   * The offset of a position, clamped to the text: a column past the line's end lands on the end of
   * the line, a line past the end on the end of the text, as LSP asks of servers.
   */
  public int offset(Position position) {
    if (position.line() >= lineStarts.length) {
      return length;
    }
    if (position.line() < 0) {
      return 0;
    }
    int start = lineStarts[Math.max(0, position.line())];
    int nextStart =
        position.line() + 1 < lineStarts.length ? lineStarts[position.line() + 1] : length;
    return Math.min(start + Math.max(0, position.column()), nextStart);
  }
}
