package dev.ormlens.lsp;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.WorkspaceIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * What requests read: an immutable index, its analysis, and the document version each open file was
 * indexed at. Replaced as a whole; never changed.
 */
record Snapshot(Analysis analysis, Map<String, Integer> versions) {
  static Snapshot empty(AnalysisSettings settings) {
    return new Snapshot(new Analysis(WorkspaceIndex.empty(), settings), Map.of());
  }

  WorkspaceIndex index() {
    return analysis.index();
  }

  /**
   * The next snapshot: {@code changedVersions} for files re-read from open buffers, {@code
   * fromDisk} for files re-read from disk (which no longer have a buffer version).
   */
  Snapshot with(
      WorkspaceIndex index,
      Map<String, Integer> changedVersions,
      java.util.Collection<String> fromDisk,
      AnalysisSettings settings) {
    Map<String, Integer> v = new HashMap<>(versions);
    fromDisk.forEach(v::remove);
    v.putAll(changedVersions);
    v.keySet().removeIf(p -> index.file(p).isEmpty());
    // Same settings: the next analysis reuses what is per file (import edges) from this one.
    Analysis next =
        settings.equals(analysis.settings()) ? analysis.next(index) : new Analysis(index, settings);
    return new Snapshot(next, Map.copyOf(v));
  }

  /** The version an open file was indexed at, or null when it comes from disk. */
  Integer version(String path) {
    return versions.get(path);
  }
}
