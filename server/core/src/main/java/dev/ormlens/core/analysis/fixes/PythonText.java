package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.TextRange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file's current text and its conventions, so that inserted code looks like the code around it:
 * line terminator, indentation unit, quote character.
 */
final class PythonText {
  private static final Pattern TYPE_CHECKING_IF =
      Pattern.compile(
          "(?m)^if\\s+(?:typing\\.)?TYPE_CHECKING\\s*:[ \\t]*(?:#[^\\r\\n]*)?(\\r?\\n|\\r|$)");

  private final String text;
  private final LineMap lines;
  private PythonTokens tokens;

  PythonText(String text) {
    this.text = text;
    this.lines = LineMap.of(text);
  }

  String text() {
    return text;
  }

  LineMap lines() {
    return lines;
  }

  PythonTokens tokens() {
    if (tokens == null) {
      tokens = PythonTokens.scan(text);
    }
    return tokens;
  }

  /** The file's line terminator: CRLF when its first line ends so, else LF. */
  String newline() {
    int lf = text.indexOf('\n');
    if (lf > 0 && text.charAt(lf - 1) == '\r') {
      return "\r\n";
    }
    if (lf < 0 && text.indexOf('\r') >= 0) {
      return "\r";
    }
    return "\n";
  }

  /** The indentation of the first indented line after a line ending with a colon. */
  String indentUnit() {
    String[] split = text.split("\r\n|\r|\n");
    for (int i = 0; i + 1 < split.length; i++) {
      String line = stripComment(split[i]).stripTrailing();
      if (line.endsWith(":") && !line.startsWith(" ") && !line.startsWith("\t")) {
        String next = split[i + 1];
        int w = 0;
        while (w < next.length() && (next.charAt(w) == ' ' || next.charAt(w) == '\t')) {
          w++;
        }
        if (w > 0) {
          return next.substring(0, w);
        }
      }
    }
    return "    ";
  }

  /** The quote most single-line strings in the file use; double quotes when undecided. */
  char quote() {
    int dq = 0;
    int sq = 0;
    for (PythonTokens.Literal l : tokens().literals()) {
      if (!l.triple()) {
        if (l.quote() == '"') {
          dq++;
        } else {
          sq++;
        }
      }
    }
    return sq > dq ? '\'' : '"';
  }

  String quoted(String value) {
    char q = quote();
    return q + value + q;
  }

  /** Leading whitespace of the line holding {@code offset}. */
  String indentationAt(int offset) {
    int start = lines.lineStart(lines.lineOf(offset));
    int i = start;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(start, i);
  }

  /** The offset just after the line terminator of the line holding {@code offset}. */
  int nextLineStart(int offset) {
    int line = lines.lineOf(offset);
    if (line + 1 < lines.lineCount()) {
      return lines.lineStart(line + 1);
    }
    return text.length();
  }

  int lineStart(int offset) {
    return lines.lineStart(lines.lineOf(offset));
  }

  /** Whether the text ends with a line terminator (or is empty). */
  boolean endsWithNewline() {
    return text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
  }

  /**
   * The module-level {@code if TYPE_CHECKING:} block: the range from the {@code if} line to the end
   * of its last indented line (terminator included), or null.
   */
  TextRange typeCheckingBlock() {
    Matcher m = TYPE_CHECKING_IF.matcher(text);
    if (!m.find()) {
      return null;
    }
    int end = m.end();
    int line = lines.lineOf(m.start()) + 1;
    int last = end;
    while (line < lines.lineCount()) {
      int s = lines.lineStart(line);
      int e = lines.lineEnd(line, text);
      String content = text.substring(s, e);
      if (content.isBlank()) {
        line++;
        continue;
      }
      if (content.startsWith(" ") || content.startsWith("\t")) {
        last = nextLineStart(s);
        line++;
        continue;
      }
      break;
    }
    return new TextRange(m.start(), last);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  static boolean isCommentOrBlank(String line) {
    String t = line.strip();
    return t.isEmpty() || t.startsWith("#");
  }
}
