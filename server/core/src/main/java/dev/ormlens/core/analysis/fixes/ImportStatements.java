package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.ImportFact.ImportedName;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Edits that take names out of an import statement, keeping its layout. */
final class ImportStatements {
  private static final Pattern ALIAS = Pattern.compile("\\G\\s+as\\s+[A-Za-z_]\\w*");

  private ImportStatements() {}

  /** The span of one imported name with its {@code as alias}. */
  static TextRange span(String text, ImportFact statement, ImportedName name) {
    Matcher m = ALIAS.matcher(text);
    m.region(name.range().end(), statement.statementRange().end());
    return new TextRange(name.range().start(), m.lookingAt() ? m.end() : name.range().end());
  }

  /** Whether the statement has its lines to itself (nothing else before or after it). */
  static boolean ownsItsLines(PythonText text, ImportFact statement) {
    String s = text.text();
    int start = text.lineStart(statement.statementRange().start());
    if (!s.substring(start, statement.statementRange().start()).isBlank()) {
      return false;
    }
    int end = text.nextLineStart(statement.statementRange().end());
    String rest = s.substring(statement.statementRange().end(), end).strip();
    return rest.isEmpty() || rest.startsWith("#");
  }

  /** The whole lines of a statement, terminators included. */
  static TextRange lines(PythonText text, ImportFact statement) {
    return new TextRange(
        text.lineStart(statement.statementRange().start()),
        text.nextLineStart(statement.statementRange().end()));
  }

  /** The statement's text without its line's leading indentation, trailing newline stripped. */
  static String dedented(PythonText text, ImportFact statement) {
    TextRange r = lines(text, statement);
    String raw = text.text().substring(r.start(), r.end()).stripTrailing();
    String indent = text.indentationAt(statement.statementRange().start());
    StringBuilder out = new StringBuilder();
    for (String line : raw.split("\\r\\n|\\r|\\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.startsWith(indent) ? line.substring(indent.length()) : line);
    }
    return out.toString();
  }

  /**
   * Replaces the statement's name list with only the names kept, joined the way the first two names
   * were (", " or a newline and indentation).
   */
  static void keepOnly(
      EditSet edits, String path, String text, ImportFact statement, List<ImportedName> kept) {
    List<ImportedName> names = statement.names();
    TextRange first = span(text, statement, names.get(0));
    TextRange last = span(text, statement, names.get(names.size() - 1));
    String separator =
        names.size() > 1
            ? text.substring(first.end(), span(text, statement, names.get(1)).start())
            : ", ";
    List<String> parts = new ArrayList<>();
    for (ImportedName n : kept) {
      TextRange r = span(text, statement, n);
      parts.add(text.substring(r.start(), r.end()));
    }
    edits.replace(path, new TextRange(first.start(), last.end()), String.join(separator, parts));
  }
}
