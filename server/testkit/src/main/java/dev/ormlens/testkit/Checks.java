package dev.ormlens.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import java.util.ArrayList;
import java.util.List;

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
