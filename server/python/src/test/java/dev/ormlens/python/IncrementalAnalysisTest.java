package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The analysis of a newer snapshot ({@link Analysis#next}) says what a fresh analysis of the same
 * files says: the language server re-analyses with {@code next} on every edit.
 */
class IncrementalAnalysisTest {
  @Test
  void reopeningAnUnchangedFileChangesNoDiagnostic() throws IOException {
    Path example = BundledExamplesTest.examples().resolve("naive_split");
    List<FileFacts> facts = new ArrayList<>();
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(example)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
        String path = example.relativize(p).toString().replace('\\', '/');
        texts.put(path, Files.readString(p));
        facts.add(PythonFrontEnd.extract(path, PythonModules.moduleName(path), texts.get(path)));
      }
    }
    Analysis first = new Analysis(WorkspaceIndex.of(facts), AnalysisSettings.DEFAULTS);
    Map<String, List<Diagnostic>> before = first.allDiagnostics();
    // The editor opens a file: the same text, extracted again.
    String path = "shop/association.py";
    FileFacts again = PythonFrontEnd.extract(path, PythonModules.moduleName(path), texts.get(path));
    WorkspaceIndex newer = first.index().withFiles(List.of(again));

    assertEquals(
        new Analysis(newer, AnalysisSettings.DEFAULTS).allDiagnostics(),
        first.next(newer).allDiagnostics());
    assertEquals(before, first.next(newer).allDiagnostics());
  }
}
