package dev.ormlens.core.analysis;

import dev.ormlens.core.text.TextRange;
import dev.ormlens.core.text.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Python expression strings SQLAlchemy evaluates against the registry ({@code
 * primaryjoin="and_(A.id == B.a_id)"}, {@code foreign_keys}, {@code order_by}, ...): the dotted
 * names in them, and whether a name is one SQLAlchemy's evaluation namespace provides anyway.
 */
final class ExpressionStrings {
  /** A dotted name in an expression string, with the range of each part in the file. */
  record DottedName(List<String> parts, List<TextRange> ranges) {}

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "is", "if", "else", "for", "lambda");

  private static final Set<String> NAMESPACE =
      WordList.load(ExpressionStrings.class, "expression-names.txt");

  private ExpressionStrings() {}

  /** Whether SQLAlchemy's evaluation finds this name without the registry (and_, func, len...). */
  static boolean provided(String name) {
    return NAMESPACE.contains(name) || KEYWORDS.contains(name);
  }

  /** The dotted names of the string, skipping nested string literals and numbers. */
  static List<DottedName> names(String text, int contentStart) {
    List<DottedName> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        i = close < 0 ? text.length() : close + 1;
      } else if (Character.isJavaIdentifierStart(c) && c != '$' && !afterDot(text, i)) {
        List<String> parts = new ArrayList<>();
        List<TextRange> ranges = new ArrayList<>();
        while (true) {
          int start = i;
          while (i < text.length() && isPart(text.charAt(i))) {
            i++;
          }
          parts.add(text.substring(start, i));
          ranges.add(new TextRange(contentStart + start, contentStart + i));
          if (i + 1 < text.length()
              && text.charAt(i) == '.'
              && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
            i++;
          } else {
            break;
          }
        }
        out.add(new DottedName(List.copyOf(parts), List.copyOf(ranges)));
      } else if (Character.isDigit(c)) {
        while (i < text.length() && (isPart(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }

  private static boolean afterDot(String text, int i) {
    int j = i - 1;
    while (j >= 0 && text.charAt(j) == ' ') {
      j--;
    }
    return j >= 0 && text.charAt(j) == '.';
  }

  private static boolean isPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
