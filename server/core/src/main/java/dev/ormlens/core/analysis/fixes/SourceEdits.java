package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies non-overlapping edits to a text: what an editor or {@code ormlens fix} does. */
public final class SourceEdits {
  private SourceEdits() {}

  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
    StringBuilder sb = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (TextEdit e : sorted) {
      if (e.range().end() > limit || e.range().end() > text.length()) {
        throw new IllegalArgumentException("overlapping or out-of-range edit at " + e.range());
      }
      sb.replace(e.range().start(), e.range().end(), e.newText());
      limit = e.range().start();
    }
    return sb.toString();
  }
}
