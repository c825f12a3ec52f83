package dev.ormlens.cli;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.workspace.DeclaredEntries;
import dev.ormlens.workspace.Discovery;
import dev.ormlens.workspace.Loader;
import dev.ormlens.workspace.Settings;
import dev.ormlens.workspace.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workspace loaded for the command line, with the notes about skipped files. */
record LoadedWorkspace(
    Path root, Analysis analysis, List<String> notes, int fileCount, Timings timings) {
  /** How long finding the files and reading them (cache, pre-scan, parse) took, in milliseconds. */
  record Timings(long discoverMillis, long loadMillis) {}

  /**
   * Loads a path with fixed analysis settings and the discovery settings of its {@code
   * pyproject.toml}; throws {@link IllegalArgumentException} with a one-line reason when it cannot.
   */
  static LoadedWorkspace load(Path path, AnalysisSettings analysis) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(path + ": permission denied");
    }
    List<String> notes = new ArrayList<>();
    Path root = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent());
    long start = System.nanoTime();
    List<SourceFile> files = Discovery.find(path, notes);
    long found = System.nanoTime();
    WorkspaceIndex index = Loader.load(files, notes);
    return new LoadedWorkspace(
        root,
        new Analysis(index, analysis),
        notes,
        index.files().size(),
        new Timings(millis(found - start), millis(System.nanoTime() - found)));
  }

  static LoadedWorkspace load(Path root, Settings settings) {
    List<String> notes = new ArrayList<>();
    long start = System.nanoTime();
    List<SourceFile> files = Discovery.find(root, settings, notes);
    long found = System.nanoTime();
    WorkspaceIndex index = Loader.load(files, notes);
    return new LoadedWorkspace(
        root,
        new Analysis(
            index,
            settings.analysis().withDeclaredEntries(DeclaredEntries.read(settings.projectDir()))),
        notes,
        index.files().size(),
        new Timings(millis(found - start), millis(System.nanoTime() - found)));
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /** The findings in files under any of {@code scope}, with paths as {@code display} shows them. */
  List<Finding> findings(List<Path> scope, java.util.function.Function<Path, String> display) {
    List<Finding> out = new ArrayList<>();
    for (FileFacts file : analysis.index().files()) {
      Path abs = root.resolve(file.path()).normalize();
      if (scope.stream().noneMatch(abs::startsWith)) {
        continue;
      }
      for (Diagnostic d : analysis.diagnostics(file.path())) {
        List<Finding.Related> related = new ArrayList<>();
        for (Diagnostic.Related r : d.related()) {
          analysis
              .index()
              .file(r.location().path())
              .ifPresent(
                  f ->
                      related.add(
                          new Finding.Related(
                              display.apply(root.resolve(f.path()).normalize()),
                              Span.of(f.lines(), r.location().range()),
                              r.message())));
        }
        out.add(new Finding(display.apply(abs), Span.of(file.lines(), d.range()), d, related));
      }
    }
    return out;
  }
}
