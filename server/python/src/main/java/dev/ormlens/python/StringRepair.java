package dev.ormlens.python;

import dev.ormlens.core.model.Problem;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes strings left open at the end of a line, so a half-typed {@code relationship("Chi} still
 * parses as a call with a string argument while the user types. Each unterminated single-line
 * string gets its closing quote, and the brackets opened on that line their closers, appended at
 * the line's end. The repaired text is what tree-sitter sees; {@link #original(int)} maps its
 * offsets back, so every fact keeps the coordinates of the text the user wrote.
 */
final class StringRepair {
  final String repaired;
  final List<Problem> problems;
  private final int[] toOriginal;

  private StringRepair(String repaired, int[] toOriginal, List<Problem> problems) {
    this.repaired = repaired;
    this.toOriginal = toOriginal;
    this.problems = problems;
  }

  /** The repair of a text, or null when no line leaves a string open. */
  static StringRepair of(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    List<Integer> map = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String triple = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int lineEnd = i;
      while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      StringBuilder closers = new StringBuilder();
      char open = 0;
      int openAt = -1;
      for (int k = i; k < lineEnd; k++) {
        char c = text.charAt(k);
        if (triple != null) {
          if (text.startsWith(triple, k)) {
            k += 2;
            triple = null;
          } else if (c == '\\') {
            k++;
          }
        } else if (open != 0) {
          if (c == '\\') {
            k++;
          } else if (c == open) {
            open = 0;
          }
        } else if (c == '#') {
          break;
        } else if (c == '"' || c == '\'') {
          String three = String.valueOf(c).repeat(3);
          if (text.startsWith(three, k)) {
            triple = three;
            k += 2;
          } else {
            open = c;
            openAt = k;
          }
        } else if (c == '(' || c == '[' || c == '{') {
          closers.append(c == '(' ? ')' : c == '[' ? ']' : '}');
        } else if ((c == ')' || c == ']' || c == '}') && closers.length() > 0) {
          closers.setLength(closers.length() - 1);
        }
      }
      boolean continued = lineEnd > i && text.charAt(lineEnd - 1) == '\\';
      for (int k = i; k < lineEnd; k++) {
        out.append(text.charAt(k));
        map.add(k);
      }
      if (open != 0 && !continued) {
        problems.add(
            new Problem(new TextRange(openAt, lineEnd), "syntax error: unterminated string"));
        String insert = open + closers.reverse().toString();
        for (int k = 0; k < insert.length(); k++) {
          out.append(insert.charAt(k));
          map.add(lineEnd);
        }
      }
      int next = lineEnd;
      if (next < n && text.charAt(next) == '\r') {
        next++;
      }
      if (next < n
          && text.charAt(next) == '\n'
          && (next == lineEnd || text.charAt(lineEnd) == '\r')) {
        next++;
      }
      for (int k = lineEnd; k < next; k++) {
        out.append(text.charAt(k));
        map.add(k);
      }
      i = next == lineEnd ? lineEnd + 1 : next;
    }
    if (problems.isEmpty()) {
      return null;
    }
    int[] toOriginal = new int[map.size() + 1];
    for (int k = 0; k < map.size(); k++) {
      toOriginal[k] = map.get(k);
    }
    toOriginal[map.size()] = n;
    return new StringRepair(out.toString(), toOriginal, List.copyOf(problems));
  }

  /** The offset in the user's text of an offset in the repaired text. */
  int original(int repairedOffset) {
    return toOriginal[Math.max(0, Math.min(repairedOffset, toOriginal.length - 1))];
  }
}
