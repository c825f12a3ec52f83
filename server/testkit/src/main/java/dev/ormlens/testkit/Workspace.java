package dev.ormlens.testkit;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.List;

/** Builds the analysis of a fixture: every file through the front end, into one snapshot. */
public final class Workspace {
  private Workspace() {}

  public static Analysis analyse(FrontEnd frontEnd, Fixture fixture, AnalysisSettings settings) {
    List<FileFacts> facts = new ArrayList<>();
    for (Fixture.File f : fixture.files()) {
      facts.add(frontEnd.extract(f.path(), f.text()));
    }
    return new Analysis(WorkspaceIndex.of(facts), settings);
  }
}
