package dev.ormlens.python;

import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports whose module is computed: {@code import_module(name)}, {@code
 * importlib.import_module(f"...{x}")}, {@code __import__(name)}, with anything but one plain string
 * literal as the module. Indico's {@code import_all_models()} walks its {@code models/} folders
 * this way: what such a call imports cannot be read, so no claim about what has not been imported
 * may rest on it.
 */
final class DynamicImports {
  private static final Pattern CALL =
      Pattern.compile(
          "\\b(?:import_module|__import__)\\s*\\(\\s*(?!(?:[rRbBuU]?['\"])[^'\"{}]*['\"]\\s*[,)])");

  private DynamicImports() {}

  static List<TextRange> find(String text) {
    if (!text.contains("import_module") && !text.contains("__import__")) {
      return List.of();
    }
    List<TextRange> out = new ArrayList<>();
    Matcher m = CALL.matcher(text);
    while (m.find()) {
      if (!inComment(text, m.start()) && !isDefinition(text, m.start())) {
        out.add(new TextRange(m.start(), m.end()));
      }
    }
    return List.copyOf(out);
  }

  /** A {@code #} earlier on the line (a call in a comment is no call). */
  private static boolean inComment(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return text.substring(lineStart, at).indexOf('#') >= 0;
  }

  /** {@code def import_module(name):} defines the name; it does not call it. */
  private static boolean isDefinition(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return text.substring(lineStart, at).strip().endsWith("def");
  }
}
