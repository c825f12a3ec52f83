package dev.ormlens.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Python source into logical lines of tokens (names, strings, numbers, operators), joining
 * lines inside brackets and skipping comments. Returns null on anything it does not follow exactly
 * (a backslash continuation, a tab in indentation, {@code ;}, an unterminated string, unbalanced
 * brackets, a non-ASCII character outside strings and comments): callers then parse.
 */
final class PythonTokens {
  /** What a token is. */
  enum Kind {
    NAME,
    STRING,
    NUMBER,
    OP
  }

  /** One token; {@code depth} is the bracket depth it sits at (an opening bracket's outer one). */
  record Token(Kind kind, int start, int end, String text, int depth) {
    boolean is(String s) {
      return text.equals(s);
    }
  }

  /**
   * A logical line: its indentation (in spaces), tokens, and where a comment on its last physical
   * line ends (else its last token's end).
   */
  record Line(int indent, List<Token> tokens, int endWithComment) {
    int start() {
      return tokens.get(0).start();
    }

    int end() {
      return tokens.get(tokens.size() - 1).end();
    }

    Token first() {
      return tokens.get(0);
    }

    Token last() {
      return tokens.get(tokens.size() - 1);
    }
  }

  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
    "%=", "&=", "|=", "^=", "@=", "**", "//", "<<", ">>"
  };

  private final String text;
  private final int n;
  private int i;
  private int depth;
  private final List<Line> lines = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int commentEnd = -1;

  /** A comment on a line of its own, and the index of the logical line that follows it. */
  record Comment(int indent, int end, int nextLine) {}

  /** The lines and the comments standing on lines of their own. */
  record Source(List<Line> lines, List<Comment> comments) {}

  private PythonTokens(String text) {
    this.text = text;
    this.n = text.length();
  }

  /** The logical lines of the text, or null when it is not plain enough to read without parsing. */
  static Source read(String text) {
    try {
      PythonTokens tokens = new PythonTokens(text);
      return new Source(tokens.read(), List.copyOf(tokens.comments));
    } catch (Unsupported e) {
      return null;
    }
  }

  /** Thrown inside the tokenizer to give up; never escapes {@link #lines}. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private List<Line> read() throws Unsupported {
    while (i < n) {
      int indent = indentation();
      if (i >= n) {
        break;
      }
      char c = text.charAt(i);
      if (c == '#') {
        comments.add(new Comment(indent, commentEnd(), lines.size()));
        newline();
        continue;
      }
      if (c == '\n' || c == '\r') {
        skipRestOfLine();
        continue;
      }
      List<Token> tokens = new ArrayList<>();
      commentEnd = -1;
      logicalLine(tokens);
      if (!tokens.isEmpty()) {
        int end = tokens.get(tokens.size() - 1).end();
        lines.add(new Line(indent, List.copyOf(tokens), Math.max(end, commentEnd)));
      }
    }
    return lines;
  }

  private int indentation() throws Unsupported {
    int start = i;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if (c == '\t' || c == '\f') {
        throw new Unsupported();
      } else {
        break;
      }
    }
    return i - start;
  }

  /**
   * Skips a comment to its line's end and returns that end. Like tree-sitter's comment token, it
   * runs to the {@code \n}: a CR before it belongs to the comment.
   */
  private int commentEnd() throws Unsupported {
    while (i < n && text.charAt(i) != '\n') {
      if (text.charAt(i) == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
        throw new Unsupported();
      }
      i++;
    }
    return i;
  }

  private void skipRestOfLine() throws Unsupported {
    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    newline();
  }

  private void newline() throws Unsupported {
    if (i < n && text.charAt(i) == '\r') {
      if (i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        return;
      }
      throw new Unsupported(); // A lone \r: Python and LSP disagree on lines; let the parser judge.
    }
    if (i < n) {
      i++;
    }
  }

  private void logicalLine(List<Token> tokens) throws Unsupported {
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f') {
        i++;
      } else if (c == '#') {
        commentEnd = commentEnd();
      } else if (c == '\n' || c == '\r') {
        newline();
        if (depth == 0) {
          return;
        }
      } else if (c == '\\' || c == ';' || c >= 0x80) {
        throw new Unsupported();
      } else if (isNameStart(c)) {
        int start = i;
        while (i < n && isNamePart(text.charAt(i))) {
          i++;
        }
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'') && isPrefix(start, i)) {
          string(tokens, start);
        } else {
          tokens.add(new Token(Kind.NAME, start, i, text.substring(start, i), depth));
        }
      } else if (c == '"' || c == '\'') {
        string(tokens, i);
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && isDigit(text.charAt(i + 1)))) {
        number(tokens);
      } else {
        operator(tokens, c);
      }
    }
    if (depth != 0) {
      throw new Unsupported();
    }
  }

  private boolean isPrefix(int start, int end) {
    if (end - start > 2) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if ("rRbBuUfF".indexOf(text.charAt(k)) < 0) {
        return false;
      }
    }
    return true;
  }

  private void string(List<Token> tokens, int start) throws Unsupported {
    char quote = text.charAt(i);
    boolean triple = i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote;
    i += triple ? 3 : 1;
    while (true) {
      if (i >= n) {
        throw new Unsupported();
      }
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (!triple) {
          i++;
          break;
        }
        if (i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote) {
          i += 3;
          break;
        }
        i++;
      } else if ((c == '\n' || c == '\r') && !triple) {
        throw new Unsupported();
      } else {
        i++;
      }
    }
    if (i > n) {
      throw new Unsupported();
    }
    tokens.add(new Token(Kind.STRING, start, i, text.substring(start, i), depth));
  }

  private void number(List<Token> tokens) {
    int start = i;
    while (i < n) {
      char c = text.charAt(i);
      if (isNamePart(c) || c == '.') {
        i++;
      } else if ((c == '+' || c == '-')
          && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')
          && !text.substring(start, i).startsWith("0x")) {
        i++;
      } else {
        break;
      }
    }
    tokens.add(new Token(Kind.NUMBER, start, i, text.substring(start, i), depth));
  }

  private void operator(List<Token> tokens, char c) throws Unsupported {
    int start = i;
    if (c == '(' || c == '[' || c == '{') {
      tokens.add(new Token(Kind.OP, start, ++i, String.valueOf(c), depth));
      depth++;
      return;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) {
        throw new Unsupported();
      }
      tokens.add(new Token(Kind.OP, start, ++i, String.valueOf(c), depth));
      return;
    }
    for (String op : OPERATORS) {
      if (text.startsWith(op, i)) {
        i += op.length();
        tokens.add(new Token(Kind.OP, start, i, op, depth));
        return;
      }
    }
    if ("=<>+-*/%&|^~@:,.".indexOf(c) < 0) {
      throw new Unsupported(); // `$`, `?`, a backtick: not Python; the parser reports it.
    }
    i++;
    tokens.add(new Token(Kind.OP, start, i, String.valueOf(c), depth));
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
