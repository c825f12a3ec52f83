package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light lexical scan of Python text: identifiers outside strings and comments, and string
 * literals. Fixes use it to ask "is this name used at run time anywhere?" conservatively: an
 * f-string's words count as uses, since its braces hold code.
 */
final class PythonTokens {
  /** An identifier as written; {@code attribute} when it follows a dot ({@code x.name}). */
  record Identifier(String name, int start, boolean attribute) {}

  /** A string literal, its quote character and whether it is triple-quoted. */
  record Literal(TextRange range, char quote, boolean triple) {}

  private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");

  private final List<Identifier> identifiers = new ArrayList<>();
  private final List<Literal> literals = new ArrayList<>();

  private PythonTokens() {}

  static PythonTokens scan(String text) {
    PythonTokens t = new PythonTokens();
    t.run(text);
    return t;
  }

  List<Identifier> identifiers() {
    return identifiers;
  }

  List<Literal> literals() {
    return literals;
  }

  private void run(String s) {
    int n = s.length();
    int i = 0;
    char previous = ' ';
    while (i < n) {
      char c = s.charAt(i);
      if (c == '#') {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
        continue;
      }
      if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'') && isPrefix(word)) {
          i =
              string(
                  s, start, i, word.toLowerCase().contains("f"), word.toLowerCase().contains("r"));
          previous = 'x';
          continue;
        }
        identifiers.add(new Identifier(word, start, previous == '.'));
        previous = 'x';
        continue;
      }
      if (c == '"' || c == '\'') {
        i = string(s, i, i, false, false);
        previous = 'x';
        continue;
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
      i++;
    }
  }

  private static boolean isPrefix(String word) {
    return word.length() <= 2 && word.toLowerCase().matches("[rbuf]{1,2}");
  }

  /** Reads a string whose quote is at {@code quoteAt}; returns the offset after it. */
  private int string(String s, int start, int quoteAt, boolean format, boolean raw) {
    int n = s.length();
    char q = s.charAt(quoteAt);
    boolean triple = quoteAt + 2 < n && s.charAt(quoteAt + 1) == q && s.charAt(quoteAt + 2) == q;
    int i = quoteAt + (triple ? 3 : 1);
    int contentStart = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && !raw) {
        i += 2;
        continue;
      }
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (!triple && (c == '\n' || c == '\r')) {
        break;
      }
      if (c == q && (!triple || (i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q))) {
        int contentEnd = i;
        i += triple ? 3 : 1;
        finish(s, start, i, q, triple, format, contentStart, contentEnd);
        return i;
      }
      i++;
    }
    int end = Math.min(i, n);
    finish(s, start, end, q, triple, format, contentStart, end);
    return end;
  }

  private void finish(
      String s, int start, int end, char q, boolean triple, boolean format, int cs, int ce) {
    literals.add(new Literal(new TextRange(start, end), q, triple));
    if (format) {
      Matcher m = WORD.matcher(s.substring(cs, Math.max(cs, ce)));
      while (m.find()) {
        identifiers.add(new Identifier(m.group(), cs + m.start(), false));
      }
    }
  }
}
