package dev.ormlens.lsp;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Publishes diagnostics for each new snapshot, in snapshot order, on its own thread: the open
 * documents always, every file after a whole-workspace change, and any file whose earlier
 * diagnostics must be cleared. A document whose version has moved past the snapshot's is skipped:
 * the snapshot with its newer text will publish it.
 */
final class PushedDiagnostics {
  private final ExecutorService publisher =
      Executors.newSingleThreadExecutor(Reindexer.daemon("ormlens-diagnostics"));
  private final OpenDocuments documents;
  private final Supplier<OrmLensClient> client;
  private final Log log;
  private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();
  private volatile boolean enabled = true;
  private volatile boolean stopped;

  PushedDiagnostics(OpenDocuments documents, Supplier<OrmLensClient> client, Log log) {
    this.documents = documents;
    this.client = client;
    this.log = log;
  }

  /** Pull mode: the client asks with {@code textDocument/diagnostic}; nothing is pushed. */
  void disable() {
    enabled = false;
  }

  boolean enabled() {
    return enabled;
  }

  void publish(Snapshot snapshot, boolean whole) {
    if (!enabled || stopped) {
      return;
    }
    try {
      publisher.execute(
          () -> {
            if (stopped) {
              return;
            }
            try {
              publishNow(snapshot, whole);
            } catch (RuntimeException e) {
              log.error("publishing diagnostics failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // Shut down between the check and the call: nothing is published after shutdown.
    }
  }

  private void publishNow(Snapshot snapshot, boolean whole) {
    OrmLensClient c = client.get();
    if (c == null) {
      return;
    }
    Set<String> paths = new HashSet<>(published.keySet());
    documents.all().forEach(d -> paths.add(d.path()));
    if (whole) {
      snapshot.index().files().forEach(f -> paths.add(f.path()));
    }
    for (String path : paths) {
      var doc = documents.get(path).orElse(null);
      Integer version = snapshot.version(path);
      if (doc != null && !Objects.equals(version, doc.version())) {
        continue; // Stale: a newer snapshot of this document is on its way.
      }
      FileFacts file = snapshot.index().file(path).orElse(null);
      List<Diagnostic> diagnostics =
          file == null ? List.of() : snapshot.analysis().diagnostics(path);
      List<Diagnostic> before = published.get(path);
      if (diagnostics.equals(before) && doc == null) {
        continue;
      }
      if (diagnostics.isEmpty() && before == null && doc == null) {
        continue;
      }
      List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
      for (Diagnostic d : diagnostics) {
        out.add(ToLsp.diagnostic(snapshot.index(), file.lines(), d));
      }
      if (diagnostics.isEmpty()) {
        published.remove(path);
      } else {
        published.put(path, diagnostics);
      }
      c.publishDiagnostics(
          new PublishDiagnosticsParams(Uris.toUri(path), out, doc == null ? null : doc.version()));
    }
  }

  /** Stops publishing: queued publications are dropped, the client is going away. */
  void shutdown() {
    stopped = true;
    // Not shutdownNow: interrupting the thread while it writes to the client closes the channel.
    publisher.shutdown();
  }
}
