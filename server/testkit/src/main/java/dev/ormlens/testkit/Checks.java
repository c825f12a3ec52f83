package dev.ormlens.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.features.Completion;
import dev.ormlens.core.analysis.features.Hover;
import dev.ormlens.core.analysis.features.Rename;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.FixOffer;
import dev.ormlens.core.analysis.fixes.SourceEdits;
import dev.ormlens.core.analysis.fixes.SourceTexts;
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
            d.disabled(),
            d.severities(),
            fixture.inferEntries() ? List.of() : fixture.importedModules(),
            d.resolverModule()));
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

  /** Find references (declaration included) from the cursor gives exactly the caret marks. */
  public void checkReferences(String spec) {
    Fixture fixture = Fixture.parse(spec);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    List<Fixture.Mark> actual = new ArrayList<>();
    for (Location l :
        analysis.references(fixture.cursor().path(), fixture.cursor().offset(), true)) {
      actual.add(new Fixture.Mark(l.path(), l.range(), ""));
    }
    assertEquals(Rendering.render(fixture, fixture.marks()), Rendering.render(fixture, actual));
  }

  /**
   * Hover at the cursor shows exactly this markdown ("" for no hover), ignoring trailing spaces
   * (markdown line breaks, which text blocks strip).
   */
  public void checkHover(String spec, String expectedMarkdown) {
    Fixture fixture = Fixture.parse(spec);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    String actual =
        analysis
            .hover(fixture.cursor().path(), fixture.cursor().offset())
            .map(Hover.Result::markdown)
            .orElse("");
    assertEquals(
        expectedMarkdown.strip().replaceAll(" +\n", "\n"), actual.strip().replaceAll(" +\n", "\n"));
  }

  /**
   * Completion at the cursor offers exactly these candidates, best first, rendered {@code label}
   * and comma-separated ({@code "Child, Parent"}).
   */
  public void checkCompletion(String spec, String expected) {
    Fixture fixture = Fixture.parse(spec);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    List<String> labels = new ArrayList<>();
    String path = fixture.cursor().path();
    for (Completion.Item item :
        analysis.completion(path, fixture.cursor().offset(), fixture.text(path))) {
      labels.add(item.label());
    }
    assertEquals(expected, String.join(", ", labels));
  }

  /**
   * What an editor gets at the cursor with a list of at most {@code limit}: the labels, comma
   * separated, then {@code " (incomplete)"} when the typed characters or the limit left some out.
   */
  public void checkNarrowedCompletion(String spec, int limit, String expected) {
    Fixture fixture = Fixture.parse(spec);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    String path = fixture.cursor().path();
    Completion.Narrowed result =
        analysis.completion(path, fixture.cursor().offset(), fixture.text(path), limit);
    List<String> labels = new ArrayList<>();
    result.items().forEach(i -> labels.add(i.label()));
    assertEquals(
        expected, String.join(", ", labels) + (result.incomplete() ? " (incomplete)" : ""));
  }

  /**
   * Renaming the symbol at the cursor of {@code before} to {@code newName} gives {@code after}
   * (every file, with {@code #- path} headers when there are several).
   */
  public void checkRename(String before, String newName, String after) {
    Fixture fixture = Fixture.parse(before);
    assertNotNull(fixture.cursor(), "fixture needs a $0 cursor");
    Analysis analysis = analyse(fixture);
    SourceTexts texts = p -> Optional.of(fixture.text(p));
    Rename.Result result =
        analysis.rename(fixture.cursor().path(), fixture.cursor().offset(), newName, texts);
    if (result.error() != null) {
      assertEquals(after, "error: " + result.error());
      return;
    }
    Fixture expected = Fixture.parse(after);
    StringBuilder want = new StringBuilder();
    StringBuilder got = new StringBuilder();
    for (Fixture.File f : fixture.files()) {
      want.append("#- ").append(f.path()).append('\n').append(expected.text(f.path()));
      got.append("#- ")
          .append(f.path())
          .append('\n')
          .append(apply(f.text(), result.edits().getOrDefault(f.path(), List.of())));
    }
    assertEquals(want.toString(), got.toString());
  }

  /** Applies non-overlapping edits to a text. */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort((a, b) -> Integer.compare(b.range().start(), a.range().start()));
    StringBuilder b = new StringBuilder(text);
    for (TextEdit e : sorted) {
      b.replace(e.range().start(), e.range().end(), e.newText());
    }
    return b.toString();
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
    List<Fix> fixes = analysis.fixes(path, range, p -> textOf(fixture, p));
    // The lazy path (list offers, compute the picked one, as codeAction/resolve does) must give
    // every fix the eager path gives, with the same edits.
    List<FixOffer> offers = analysis.fixOffers(path, range, p -> textOf(fixture, p));
    for (Fix f : fixes) {
      FixOffer offer = new FixOffer(f.id(), f.title(), f.kind(), f.safe(), f.codes());
      assertTrue(offers.contains(offer), "not offered lazily: " + offer + " in " + offers);
      assertEquals(
          Optional.of(f),
          analysis.fix(path, range, p -> textOf(fixture, p), offer),
          "lazily computed edits of " + f.title());
    }
    return fixes;
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
    return new Fixture(
        List.copyOf(out), null, List.of(), fixture.entries(), fixture.inferEntries());
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
