package dev.ormlens.testkit;

import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multi-file fixture. Each file starts with a {@code #- path} line (a fixture without one is a
 * single {@code models.py}); {@code $0} marks the cursor; a comment line made of carets marks a
 * range on the line above, optionally followed by an expectation such as {@code error[ORM101]:
 * message}. A {@code #! entry: pkg.mod} line names the modules an application imports first, for
 * the run against SQLAlchemy. A {@code #! infer-entries} line keeps those modules from ORM Lens:
 * SQLAlchemy still runs the application from them, but the analysis must find how it starts by
 * itself, as it does in a project with no {@code entry-modules} configured.
 */
public record Fixture(
    List<File> files, Cursor cursor, List<Mark> marks, List<String> entries, boolean inferEntries) {
  public Fixture(List<File> files, Cursor cursor, List<Mark> marks, List<String> entries) {
    this(files, cursor, marks, entries, false);
  }

  /** One file of the fixture, with markers removed. */
  public record File(String path, String text) {}

  /** The cursor's file and offset. */
  public record Cursor(String path, int offset) {}

  /** A caret-marked range and the text after the carets. */
  public record Mark(String path, TextRange range, String text) {}

  private static final Pattern CARETS = Pattern.compile("^(\\s*#\\s*)(\\^+)\\s*(.*)$");
  private static final String CURSOR = "$0";

  public static Fixture parse(String spec) {
    return parse(spec, "\n");
  }

  /** Parses with the given line terminator in the files' text (to test CRLF). */
  public static Fixture parse(String spec, String newline) {
    List<File> files = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    boolean infer = false;
    Cursor cursor = null;
    String path = null;
    StringBuilder text = new StringBuilder();
    int previousLineStart = -1;
    for (String line : spec.split("\n", -1)) {
      if (line.startsWith("#- ")) {
        if (path != null || text.length() > 0) {
          files.add(new File(path == null ? "models.py" : path, text.toString()));
        }
        path = line.substring(3).strip();
        text.setLength(0);
        previousLineStart = -1;
        continue;
      }
      if (line.strip().equals("#! infer-entries")) {
        infer = true;
        continue;
      }
      if (line.startsWith("#! entry:")) {
        for (String e : line.substring("#! entry:".length()).split(",")) {
          entries.add(e.strip());
        }
        continue;
      }
      Matcher m = CARETS.matcher(line);
      if (m.matches() && previousLineStart >= 0) {
        int column = m.group(1).length();
        int start = previousLineStart + column;
        marks.add(
            new Mark(
                current(path),
                new TextRange(start, start + m.group(2).length()),
                m.group(3).strip()));
        continue;
      }
      int at = line.indexOf(CURSOR);
      if (at >= 0) {
        cursor = new Cursor(current(path), text.length() + at);
        line = line.substring(0, at) + line.substring(at + CURSOR.length());
      }
      previousLineStart = text.length();
      text.append(line).append('\n');
    }
    if (path != null || text.length() > 0) {
      files.add(new File(current(path), trimFinalNewline(text)));
    }
    List<File> converted = new ArrayList<>();
    for (File f : files) {
      converted.add(
          new File(f.path(), newline.equals("\n") ? f.text() : f.text().replace("\n", newline)));
    }
    if (!newline.equals("\n")) {
      marks = shiftForNewlines(files, marks, newline);
      if (cursor != null) {
        cursor =
            new Cursor(
                cursor.path(), shift(textOf(files, cursor.path()), cursor.offset(), newline));
      }
    }
    return new Fixture(
        List.copyOf(converted), cursor, List.copyOf(marks), List.copyOf(entries), infer);
  }

  /**
   * The modules an application imports, in order: the {@code #! entry:} lines, or else every Python
   * file of the fixture in order (what the SQLAlchemy oracle imports).
   */
  public List<String> importedModules() {
    if (!entries.isEmpty()) {
      return entries;
    }
    List<String> modules = new ArrayList<>();
    for (File f : files) {
      if (f.path().endsWith(".py")) {
        String module = f.path().substring(0, f.path().length() - 3).replace('/', '.');
        modules.add(
            module.endsWith(".__init__") ? module.substring(0, module.length() - 9) : module);
      }
    }
    return List.copyOf(modules);
  }

  public String text(String path) {
    return textOf(files, path);
  }

  private static String current(String path) {
    return path == null ? "models.py" : path;
  }

  private static String trimFinalNewline(StringBuilder text) {
    // The text block's last line ends the file; keep exactly one final newline.
    String s = text.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String textOf(List<File> files, String path) {
    for (File f : files) {
      if (f.path().equals(path)) {
        return f.text();
      }
    }
    throw new IllegalArgumentException("no fixture file " + path);
  }

  private static List<Mark> shiftForNewlines(List<File> files, List<Mark> marks, String newline) {
    List<Mark> out = new ArrayList<>();
    for (Mark m : marks) {
      String t = textOf(files, m.path());
      out.add(
          new Mark(
              m.path(),
              new TextRange(
                  shift(t, m.range().start(), newline), shift(t, m.range().end(), newline)),
              m.text()));
    }
    return out;
  }

  private static int shift(String lfText, int offset, String newline) {
    int newlines = 0;
    for (int i = 0; i < offset && i < lfText.length(); i++) {
      if (lfText.charAt(i) == '\n') {
        newlines++;
      }
    }
    return offset + newlines * (newline.length() - 1);
  }
}
