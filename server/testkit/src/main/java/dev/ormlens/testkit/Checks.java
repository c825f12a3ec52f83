package dev.ormlens.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.SourceEdits;
import dev.ormlens.core.text.TextEdit;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code check*} helper per feature. Each parses a fixture, runs the analysis, renders the
 * result in fixture notation and compares it with the fixture, so tests read as specifications and
 * failures as diffs. Diagnostics fixtures are also run through real SQLAlchemy (see {@link
 * SqlalchemyOracle}).
 */
public final class Checks {
  private final FrontEnd frontEnd;

  public Checks(FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
  }

  /**
   * The analysis of a fixture, configured with the modules the SQLAlchemy oracle imports as entry
   * modules, so both judge the same application.
   */
  public Analysis analyse(Fixture fixture) {
    AnalysisSettings d = AnalysisSettings.DEFAULTS;
    return Workspace.analyse(
        frontEnd,
        fixture,
        new AnalysisSettings(
            d.disabled(), d.severities(), fixture.importedModules(), d.resolverModule()));
  }

  /** The cursor's reference jumps to the caret-marked range. */
  public void checkDefinition(String spec) {
    Fixture fixture = Fixture.parse(spec);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    List<Location> targets =
        analysis.definitionAt(fixture.cursor().path(), fixture.cursor().offset());
    List<Fixture.Mark> actual = new ArrayList<>();
    for (Location l : targets) {
      actual.add(new Fixture.Mark(l.path(), l.range(), ""));
    }
    assertEquals(Rendering.render(fixture, fixture.marks()), Rendering.render(fixture, actual));
  }

  /**
   * The analysis reports exactly the caret-marked diagnostics ({@code severity[CODE]: message},
   * where the message may be a prefix of the actual one), and SQLAlchemy agrees.
   */
  public void checkDiagnostics(String spec) {
    checkDiagnostics(Fixture.parse(spec));
  }

  public void checkDiagnostics(Fixture fixture) {
    Analysis analysis = analyse(fixture);
    List<Fixture.Mark> actual = new ArrayList<>();
    for (Fixture.File f : fixture.files()) {
      for (Diagnostic d : analysis.diagnostics(f.path())) {
        actual.add(new Fixture.Mark(f.path(), d.range(), renderDiagnostic(d, fixture.marks())));
      }
    }
    assertEquals(Rendering.render(fixture, fixture.marks()), Rendering.render(fixture, actual));
    SqlalchemyOracle.check(fixture);
  }

  /**
   * The fix whose title contains {@code title}, offered at the fixture's cursor ({@code $0}) or
   * first caret range, turns the files into {@code after} (a fixture without markers; files it
   * leaves out must be unchanged), and every file it edits parses with no new problems. Returns the
   * fixed files, for a run against SQLAlchemy.
   */
  public Fixture checkFix(String before, String title, String after) {
    return checkFix(before, title, after, "\n");
  }

  /** {@link #checkFix(String, String, String)} with files using the given line terminator. */
  public Fixture checkFix(String before, String title, String after, String newline) {
    Fixture fixture = Fixture.parse(before, newline);
    Fix fix = pickFix(fixture, title);
    Fixture fixed = apply(fixture, fix);
    Fixture expected = Fixture.parse(after, newline);
    Map<String, String> want = new LinkedHashMap<>();
    fixture.files().forEach(f -> want.put(f.path(), f.text()));
    expected.files().forEach(f -> want.put(f.path(), f.text()));
    assertEquals(render(want), render(texts(fixed)));
    for (Fixture.File f : fixed.files()) {
      int was = problems(fixture.files(), f.path());
      int now = frontEnd.extract(f.path(), f.text()).problems().size();
      assertTrue(now <= was, "the fix made " + f.path() + " unparseable:\n" + f.text());
    }
    return fixed;
  }

  /** The fixes offered at the fixture's cursor or first caret range, in order. */
  public List<Fix> fixesAt(Fixture fixture) {
    Analysis analysis = analyse(fixture);
    Fixture.Cursor cursor = fixture.cursor();
    String path;
    TextRange range;
    if (cursor != null) {
      path = cursor.path();
      range = new TextRange(cursor.offset(), cursor.offset());
    } else {
      assertTrue(!fixture.marks().isEmpty(), "fixture needs a $0 cursor or a caret range");
      path = fixture.marks().get(0).path();
      range = fixture.marks().get(0).range();
    }
    return analysis.fixes(path, range, p -> textOf(fixture, p));
  }

  private Fix pickFix(Fixture fixture, String title) {
    List<Fix> fixes = fixesAt(fixture);
    List<Fix> matching = fixes.stream().filter(f -> f.title().contains(title)).toList();
    assertEquals(
        1,
        matching.size(),
        "fixes whose title contains '" + title + "': " + fixes.stream().map(Fix::title).toList());
    return matching.get(0);
  }

  /** The fixture's files with a fix applied; a fix may not edit a file outside the fixture. */
  public static Fixture apply(Fixture fixture, Fix fix) {
    List<Fixture.File> out = new ArrayList<>();
    for (String path : fix.edits().keySet()) {
      assertTrue(
          fixture.files().stream().anyMatch(f -> f.path().equals(path)),
          "fix edits " + path + ", which is not in the workspace");
    }
    for (Fixture.File f : fixture.files()) {
      List<TextEdit> edits = fix.edits().getOrDefault(f.path(), List.of());
      out.add(new Fixture.File(f.path(), SourceEdits.apply(f.text(), edits)));
    }
    return new Fixture(List.copyOf(out), null, List.of(), fixture.entries());
  }

  private int problems(List<Fixture.File> files, String path) {
    for (Fixture.File f : files) {
      if (f.path().equals(path)) {
        return frontEnd.extract(path, f.text()).problems().size();
      }
    }
    return 0;
  }

  private static Optional<String> textOf(Fixture fixture, String path) {
    return fixture.files().stream()
        .filter(f -> f.path().equals(path))
        .map(Fixture.File::text)
        .findFirst();
  }

  private static Map<String, String> texts(Fixture fixture) {
    Map<String, String> out = new LinkedHashMap<>();
    fixture.files().forEach(f -> out.put(f.path(), f.text()));
    return out;
  }

  private static String render(Map<String, String> files) {
    StringBuilder sb = new StringBuilder();
    files.forEach(
        (path, text) ->
            sb.append("#- ").append(path).append('\n').append(text.replace("\r\n", "⏎\n")));
    return sb.toString();
  }

  private static String renderDiagnostic(Diagnostic d, List<Fixture.Mark> expected) {
    String full = d.severity().label() + "[" + d.code() + "]: " + d.message();
    String bare = d.severity().label() + "[" + d.code() + "]";
    for (Fixture.Mark m : expected) {
      if (m.range().equals(d.range()) && !m.text().isEmpty() && full.startsWith(m.text())) {
        return m.text();
      }
      if (m.range().equals(d.range()) && m.text().equals(bare)) {
        return bare;
      }
    }
    return full;
  }
}
