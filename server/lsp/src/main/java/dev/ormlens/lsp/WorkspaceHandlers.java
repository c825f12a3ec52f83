package dev.ormlens.lsp;

import dev.ormlens.core.analysis.features.WorkspaceSymbols;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.TextEdit;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/*}: symbols, configuration, watched files, folders, commands. */
final class WorkspaceHandlers implements WorkspaceService {
  static final String FIX_WORKSPACE = "ormlens.fixWorkspace";

  private final OrmLensServer server;
  private final Reindexer reindexer;
  private final Requests requests;
  private final TextDocuments documents;

  WorkspaceHandlers(
      OrmLensServer server, Reindexer reindexer, Requests requests, TextDocuments documents) {
    this.server = server;
    this.reindexer = reindexer;
    this.requests = requests;
    this.documents = documents;
  }

  @Override
  public CompletableFuture<
          Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>>
      symbol(WorkspaceSymbolParams params) {
    return requests.run(
        "workspace/symbol",
        cancel -> {
          Snapshot s = reindexer.current();
          List<WorkspaceSymbol> out = new ArrayList<>();
          for (WorkspaceSymbols.Match m :
              s.analysis().workspaceSymbols(params.getQuery() == null ? "" : params.getQuery())) {
            var loc = ToLsp.location(s.index(), m.location());
            if (loc != null) {
              out.add(
                  new WorkspaceSymbol(
                      m.name(), ToLsp.kind(m.kind()), Either.forLeft(loc), m.container()));
            }
          }
          return Either.forRight(out);
        });
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    server.reloadConfiguration(params.getSettings());
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent e : params.getChanges()) {
      String path = Uris.toPath(e.getUri());
      if (path == null) {
        continue;
      }
      if (path.endsWith("pyproject.toml")) {
        server.reloadConfiguration(null);
      } else if (path.endsWith(".py")) {
        reindexer.fileChanged(path, e.getType() == FileChangeType.Deleted);
      }
    }
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    var event = params.getEvent();
    List<Path> added = new ArrayList<>();
    for (WorkspaceFolder f : event.getAdded()) {
      Path p = folderPath(f.getUri());
      if (p != null) {
        added.add(p);
      }
    }
    for (WorkspaceFolder f : event.getRemoved()) {
      Path p = folderPath(f.getUri());
      if (p != null) {
        server.folders().remove(p);
        reindexer.unloadFolder(p);
      }
    }
    if (!added.isEmpty()) {
      added.forEach(server.folders()::add);
      // The new folders' pyproject.toml first, so their files are listed with their settings.
      server.reloadConfiguration(null).thenRun(() -> server.index(added));
    }
  }

  static Path folderPath(String uri) {
    try {
      return Path.of(URI.create(uri)).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (!FIX_WORKSPACE.equals(params.getCommand())) {
      return CompletableFuture.completedFuture(null);
    }
    return requests.run(
        FIX_WORKSPACE,
        cancel -> {
          Snapshot s = reindexer.current();
          Map<String, List<TextEdit>> all = new HashMap<>();
          int fixes = 0;
          for (FileFacts f : s.index().files()) {
            cancel.checkCanceled();
            if (s.analysis().diagnostics(f.path()).isEmpty()) {
              continue;
            }
            // The same call `ormlens fix` makes, so both faces produce byte-identical edits.
            Fix fix = s.analysis().fixAll(f.path(), documents.texts(), Fixes.Selection.SAFE);
            List<TextEdit> edits =
                fix == null ? List.of() : fix.edits().getOrDefault(f.path(), List.of());
            if (!edits.isEmpty()) {
              fixes++;
            }
            if (!edits.isEmpty()) {
              all.put(f.path(), edits);
            }
          }
          if (!all.isEmpty()) {
            server
                .client()
                .applyEdit(
                    new ApplyWorkspaceEditParams(
                        documents.edit(s, all), "ORM Lens: fix workspace"));
          }
          return fixes;
        });
  }

  /** Adds a fix's edits unless one overlaps an edit already taken (the next run picks it up). */
  private static boolean addAll(List<TextEdit> taken, List<TextEdit> edits) {
    for (TextEdit e : edits) {
      for (TextEdit t : taken) {
        if (e.range().overlaps(t.range()) || e.range().equals(t.range())) {
          return false;
        }
      }
    }
    taken.addAll(edits);
    return !edits.isEmpty();
  }
}
