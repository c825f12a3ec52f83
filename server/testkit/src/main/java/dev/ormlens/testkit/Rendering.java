package dev.ormlens.testkit;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.Position;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders files with caret marks under their lines, the same notation fixtures are written in, so a
 * failing test shows expected and actual as two readable fixtures.
 */
final class Rendering {
  private Rendering() {}

  static String render(Fixture fixture, List<Fixture.Mark> marks) {
    StringBuilder out = new StringBuilder();
    boolean headers =
        fixture.files().size() > 1 || !fixture.files().get(0).path().equals("models.py");
    for (Fixture.File f : fixture.files()) {
      if (headers) {
        out.append("#- ").append(f.path()).append('\n');
      }
      String text = f.text().replace("\r\n", "\n");
      LineMap lines = LineMap.of(text);
      List<Fixture.Mark> mine = new ArrayList<>();
      for (Fixture.Mark m : marks) {
        if (m.path().equals(f.path())) {
          mine.add(normalise(f.text(), m));
        }
      }
      mine.sort(
          Comparator.comparingInt((Fixture.Mark m) -> m.range().start())
              .thenComparing(Fixture.Mark::text));
      String[] split = text.split("\n", -1);
      for (int line = 0; line < split.length; line++) {
        if (line == split.length - 1 && split[line].isEmpty()) {
          break;
        }
        out.append(split[line]).append('\n');
        for (Fixture.Mark m : mine) {
          Position p = lines.position(m.range().start());
          if (p.line() != line) {
            continue;
          }
          int width =
              Math.max(1, Math.min(m.range().end(), lines.lineEnd(line, text)) - m.range().start());
          String prefix = "#" + " ".repeat(Math.max(0, p.column() - 1));
          if (p.column() == 0) {
            prefix = "";
          }
          out.append(prefix).append("^".repeat(width));
          if (!m.text().isEmpty()) {
            out.append(' ').append(m.text());
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Maps a mark in CRLF text to the LF text we render. */
  private static Fixture.Mark normalise(String text, Fixture.Mark m) {
    if (!text.contains("\r\n")) {
      return m;
    }
    int start = toLf(text, m.range().start());
    int end = toLf(text, m.range().end());
    return new Fixture.Mark(m.path(), new TextRange(start, end), m.text());
  }

  private static int toLf(String crlf, int offset) {
    int crs = 0;
    for (int i = 0; i < offset && i < crlf.length(); i++) {
      if (crlf.charAt(i) == '\r' && i + 1 < crlf.length() && crlf.charAt(i + 1) == '\n') {
        crs++;
      }
    }
    return offset - crs;
  }
}
