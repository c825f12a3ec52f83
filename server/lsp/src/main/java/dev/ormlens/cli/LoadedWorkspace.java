package dev.ormlens.cli;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.workspace.Discovery;
import dev.ormlens.workspace.Loader;
import dev.ormlens.workspace.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workspace loaded from command-line paths, with the notes about skipped files. */
record LoadedWorkspace(Path root, Analysis analysis, List<String> notes) {
  /**
   * Loads a path; throws {@link IllegalArgumentException} with a one-line reason when it cannot.
   */
  static LoadedWorkspace load(Path path, AnalysisSettings settings) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(path + ": permission denied");
    }
    List<String> notes = new ArrayList<>();
    List<SourceFile> files = Discovery.find(path, notes);
    WorkspaceIndex index = Loader.load(files, notes);
    Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    return new LoadedWorkspace(root, new Analysis(index, settings), notes);
  }
}
