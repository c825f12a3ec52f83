package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.TextRange;

/** Adds a keyword argument to a call, in the call's own layout (one line, or one per line). */
final class CallArguments {
  private CallArguments() {}

  static void addKeyword(EditSet edits, String path, PythonText text, TextRange call, String kw) {
    String s = text.text();
    int close = call.end() - 1;
    if (close < 0 || s.charAt(close) != ')') {
      throw new IllegalStateException("call does not end with ')'");
    }
    int last = close - 1;
    while (last > call.start() && Character.isWhitespace(s.charAt(last))) {
      last--;
    }
    char c = s.charAt(last);
    if (c == '(') {
      edits.insert(path, last + 1, kw);
      return;
    }
    String tail = s.substring(last + 1, close);
    boolean multiLine = tail.contains("\n") || tail.contains("\r");
    if (c == ',') {
      if (multiLine) {
        String indent = text.indentationAt(last);
        edits.insert(path, last + 1, text.newline() + indent + kw + ",");
      } else {
        edits.insert(path, last + 1, " " + kw + ",");
      }
      return;
    }
    edits.insert(path, last + 1, ", " + kw);
  }
}
