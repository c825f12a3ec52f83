package dev.ormlens.core.text;

/**
 * A half-open range of UTF-16 code units in one file's text, the unit Java strings and LSP both
 * count in. Front ends convert their parser's offsets (tree-sitter counts UTF-8 bytes) before
 * anything else sees them.
 */
public record TextRange(int start, int end) {
  public static final TextRange EMPTY = new TextRange(0, 0);

  public TextRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public boolean contains(int offset) {
    return start <= offset && offset <= end;
  }

  public boolean containsStrictly(int offset) {
    return start <= offset && offset < end;
  }

  public boolean overlaps(TextRange other) {
    return start < other.end && other.start < end;
  }

  public int length() {
    return end - start;
  }

  public TextRange shrink(int left, int right) {
    int s = Math.min(start + left, end);
    return new TextRange(s, Math.max(s, end - right));
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
