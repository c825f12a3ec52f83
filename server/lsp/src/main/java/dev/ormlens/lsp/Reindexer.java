package dev.ormlens.lsp;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.lsp.OpenDocuments.Document;
import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.workspace.Discovery;
import dev.ormlens.workspace.Loader;
import dev.ormlens.workspace.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Keeps the snapshot in step with the editor and the disk. Edits are parsed on the indexing thread
 * after a short quiet period (debounce), never on the protocol's reader thread; each batch swaps in
 * a new immutable snapshot and hands it to the publisher. Requests that need a document's latest
 * text call {@link #ensureCurrent}, which parses it at once.
 */
final class Reindexer {
  /**
   * Coalesces a burst of keystrokes into one snapshot while leaving most of a 150 ms
   * edit-to-diagnostics budget to the analysis; edits that arrive while a snapshot is being built
   * wait in {@code pending} and are taken together, so a slow analysis never queues up work.
   */
  static final long DEBOUNCE_MS = 50;

  // Each chunk is a new snapshot (a copy of the path maps): few, large chunks on big workspaces.
  private static final int CHUNK = 1024;

  private final OpenDocuments documents;
  private final java.util.concurrent.atomic.AtomicInteger loading =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Folders folders;
  private final Log log;
  private final BiConsumer<Snapshot, Boolean> publisher;
  private final ScheduledExecutorService indexer =
      Executors.newSingleThreadScheduledExecutor(daemon("ormlens-index"));
  private final Set<String> pending = new LinkedHashSet<>();
  private ScheduledFuture<?> flush;
  private volatile Snapshot snapshot = Snapshot.empty(Configuration.DEFAULTS.analysis());
  private volatile Configuration configuration = Configuration.DEFAULTS;
  private volatile boolean stopped;

  /**
   * @param publisher receives every new snapshot, with true when the whole workspace changed
   */
  Reindexer(
      OpenDocuments documents, Folders folders, Log log, BiConsumer<Snapshot, Boolean> publisher) {
    this.documents = documents;
    this.folders = folders;
    this.log = log;
    this.publisher = publisher;
  }

  Snapshot current() {
    return snapshot;
  }

  Configuration configuration() {
    return configuration;
  }

  /** Re-indexes an open document after the debounce. */
  synchronized void schedule(String path) {
    if (stopped) {
      return;
    }
    pending.add(path);
    if (flush != null) {
      flush.cancel(false);
    }
    flush = indexer.schedule(this::flushPending, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
  }

  /** The snapshot with this document's current text indexed, parsing it now if needed. */
  Snapshot ensureCurrent(String path) {
    Document d = documents.get(path).orElse(null);
    Snapshot s = snapshot;
    if (d == null || Objects.equals(s.version(path), d.version())) {
      return s;
    }
    synchronized (this) {
      pending.remove(path);
      return swap(List.of(facts(d)), Map.of(path, d.version()), List.of(), false);
    }
  }

  /** A file changed, appeared or disappeared on disk; open buffers win over disk. */
  void fileChanged(String path, boolean deleted) {
    submit(
        () -> {
          if (documents.get(path).isPresent()) {
            return;
          }
          synchronized (this) {
            if (deleted) {
              swap(List.of(), Map.of(), List.of(path), true);
              return;
            }
            Path file = Path.of(path);
            if (!configuration.includes(folders.rootOf(file), file)) {
              return;
            }
            List<String> notes = new ArrayList<>();
            SourceFile source = new SourceFile(file, path, folders.moduleOf(file));
            Loader.read(source, notes)
                .ifPresentOrElse(
                    text -> swap(List.of(Loader.facts(source, text)), Map.of(), List.of(), true),
                    () -> swap(List.of(), Map.of(), List.of(path), true));
            notes.forEach(log::info);
          }
        });
  }

  /** A document was closed: its facts go back to what the disk says. */
  void closed(String path) {
    fileChanged(path, !Path.of(path).toFile().isFile());
  }

  void setConfiguration(Configuration next) {
    synchronized (this) {
      configuration = next;
      swap(List.of(), Map.of(), List.of(), true);
    }
  }

  /** Indexes workspace folders from disk, chunk by chunk, so requests see what is known so far. */
  /** A load is about to start (the server waits for the client's settings first). */
  void expectLoad() {
    loading.incrementAndGet();
  }

  /** The load announced by {@link #expectLoad} has started, or will not. */
  void expectedLoadStarted() {
    loading.decrementAndGet();
  }

  /** Whether a folder is still being indexed: answers about it may not be complete yet. */
  boolean loading() {
    return loading.get() > 0;
  }

  void loadFolders(List<Path> roots, Progress progress, Runnable done) {
    loading.incrementAndGet();
    Thread t =
        new Thread(
            () -> {
              try {
                load(roots, progress);
              } catch (RuntimeException e) {
                log.error("indexing failed", e);
              } finally {
                loading.decrementAndGet();
                done.run();
              }
            },
            "ormlens-load");
    t.setDaemon(true);
    t.start();
  }

  private void load(List<Path> roots, Progress progress) {
    List<String> notes = Collections.synchronizedList(new ArrayList<>());
    Map<Path, List<SourceFile>> byRoot = new java.util.LinkedHashMap<>();
    List<SourceFile> files = new ArrayList<>();
    for (Path root : roots) {
      List<SourceFile> inRoot = new ArrayList<>();
      for (SourceFile f : Discovery.find(root, configuration.of(root), notes)) {
        inRoot.add(new SourceFile(f.absolute(), Uris.key(f.absolute()), f.module()));
      }
      byRoot.put(root, inRoot);
      files.addAll(inRoot);
      folders.named(inRoot);
    }
    renameOpenDocuments(files);
    int all = files.size();
    progress.begin("Indexing SQLAlchemy models", all);
    int before = 0;
    for (Map.Entry<Path, List<SourceFile>> e : byRoot.entrySet()) {
      if (stopped) {
        break;
      }
      int offset = before;
      // Through the folder's index cache and the pre-scan: unchanged files are not parsed.
      List<SourceFile> fromDiskFiles =
          e.getValue().stream().filter(f -> documents.get(f.path()).isEmpty()).toList();
      Loader.load(
          e.getKey(),
          fromDiskFiles,
          notes,
          CHUNK,
          (facts, done) -> {
            if (stopped) {
              return;
            }
            synchronized (this) {
              // A file opened meanwhile keeps its buffer's facts.
              List<FileFacts> fromDisk =
                  facts.stream().filter(f -> documents.get(f.path()).isEmpty()).toList();
              swap(fromDisk, Map.of(), List.of(), false);
            }
            progress.report(Math.min(all, offset + done), all);
          });
      before += e.getValue().size();
    }
    notes.forEach(log::info);
    synchronized (this) {
      // Listed again after include/exclude changed: files no longer listed leave, unless open.
      Set<String> listed = new HashSet<>();
      files.forEach(f -> listed.add(f.path()));
      List<String> gone = new ArrayList<>();
      for (FileFacts f : snapshot.index().files()) {
        Path p = Path.of(f.path());
        if (roots.stream().anyMatch(p::startsWith)
            && !listed.contains(f.path())
            && documents.get(f.path()).isEmpty()) {
          gone.add(f.path());
        }
      }
      swap(List.of(), Map.of(), gone, true);
    }
    progress.end(all + " files indexed");
  }

  /** Drops the files of a removed folder, except open ones. */
  void unloadFolder(Path root) {
    submit(
        () -> {
          synchronized (this) {
            List<String> gone = new ArrayList<>();
            for (FileFacts f : snapshot.index().files()) {
              if (Path.of(f.path()).startsWith(root)
                  && documents.get(f.path()).isEmpty()
                  && folders.rootOf(Path.of(f.path())) == null) {
                gone.add(f.path());
              }
            }
            swap(List.of(), Map.of(), gone, true);
          }
        });
  }

  private void flushPending() {
    if (stopped) {
      return;
    }
    List<Document> docs = new ArrayList<>();
    synchronized (this) {
      for (String path : pending) {
        documents.get(path).ifPresent(docs::add);
      }
      pending.clear();
    }
    if (docs.isEmpty()) {
      return;
    }
    try {
      List<FileFacts> facts = new ArrayList<>();
      Map<String, Integer> versions = new HashMap<>();
      for (Document d : docs) {
        facts.add(facts(d));
        versions.put(d.path(), d.version());
      }
      synchronized (this) {
        swap(facts, versions, List.of(), false);
      }
    } catch (RuntimeException e) {
      log.error("re-indexing failed", e);
    }
  }

  /**
   * Buffers opened before the scan named their files were read under a guessed module name; they
   * are read again under the scan's.
   */
  private void renameOpenDocuments(List<SourceFile> scanned) {
    Set<String> paths = new HashSet<>();
    scanned.forEach(f -> paths.add(f.path()));
    synchronized (this) {
      List<FileFacts> renamed = new ArrayList<>();
      Map<String, Integer> versions = new java.util.HashMap<>();
      for (Document d : documents.all()) {
        FileFacts current = snapshot.index().file(d.path()).orElse(null);
        if (paths.contains(d.path())
            && current != null
            && !current.module().equals(folders.moduleOf(Path.of(d.path())))) {
          renamed.add(facts(d));
          versions.put(d.path(), d.version());
        }
      }
      if (!renamed.isEmpty()) {
        swap(renamed, versions, List.of(), false);
      }
    }
  }

  private FileFacts facts(Document d) {
    return PythonFrontEnd.extract(d.path(), folders.moduleOf(Path.of(d.path())), d.text());
  }

  /** Must hold the lock. Older versions never replace newer ones. */
  private Snapshot swap(
      List<FileFacts> facts, Map<String, Integer> versions, List<String> removed, boolean whole) {
    Snapshot s = snapshot;
    List<FileFacts> fresh = new ArrayList<>();
    Map<String, Integer> freshVersions = new HashMap<>();
    List<String> fromDisk = new ArrayList<>(removed);
    for (FileFacts f : facts) {
      Integer v = versions.get(f.path());
      Integer had = s.version(f.path());
      if (v != null && had != null && v < had) {
        continue;
      }
      fresh.add(f);
      if (v != null) {
        freshVersions.put(f.path(), v);
      } else {
        fromDisk.add(f.path());
      }
    }
    WorkspaceIndex index = s.index().withFiles(fresh);
    for (String p : removed) {
      index = index.withoutFile(p);
    }
    Snapshot next = s.with(index, freshVersions, fromDisk, configuration.analysis());
    snapshot = next;
    if (stopped) {
      return next;
    }
    try {
      publisher.accept(next, whole);
    } catch (RuntimeException e) {
      log.error("publishing diagnostics failed", e);
    }
    return next;
  }

  /**
   * Stops for good: pending re-indexing is dropped (the client is going away, nobody will read the
   * result), a running step finishes without publishing, and later notifications are ignored.
   */
  void shutdown() {
    stopped = true;
    synchronized (this) {
      if (flush != null) {
        flush.cancel(false);
      }
    }
    // Not shutdownNow: interrupting a thread that writes to the client would close its channel.
    indexer.shutdown();
  }

  private void submit(Runnable task) {
    if (stopped) {
      return;
    }
    try {
      indexer.execute(
          () -> {
            if (!stopped) {
              task.run();
            }
          });
    } catch (RejectedExecutionException e) {
      // Shut down between the check and the call: dropping the work is what shutdown means.
    }
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
