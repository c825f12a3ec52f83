package dev.ormlens.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The ORM Lens language server. {@code initialize} answers at once; the workspace folders are
 * indexed in the background (with {@code $/progress} and {@code ormlens/status}), and requests
 * meanwhile answer from what is known.
 */
public final class OrmLensServer implements OrmLensApi, LanguageClientAware {
  private final Log log = new Log();
  private final OpenDocuments documents = new OpenDocuments();
  private final Folders folders = new Folders();
  private final PushedDiagnostics pushed;
  private final Reindexer reindexer;
  private final Requests requests;
  private final TextDocuments textDocuments;
  private final WorkspaceHandlers workspace;
  private final Runnable onExit;
  private final AtomicInteger progressTokens = new AtomicInteger();
  private volatile OrmLensClient client;
  private volatile ClientCapabilities capabilities = new ClientCapabilities();
  private volatile JsonElement initializationOptions;
  private volatile boolean pullRefresh;
  private volatile List<String> shownProblems = List.of();

  /**
   * @param onExit what {@code exit} does: the command line ends the process, tests do nothing
   */
  public OrmLensServer(Runnable onExit) {
    this.onExit = onExit;
    this.pushed = new PushedDiagnostics(documents, () -> client, log);
    this.reindexer = new Reindexer(documents, folders, log, this::snapshotChanged);
    this.requests = new Requests(documents, reindexer, log);
    this.textDocuments = new TextDocuments(documents, reindexer, requests, log);
    this.workspace = new WorkspaceHandlers(this, reindexer, requests, textDocuments);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = (OrmLensClient) languageClient;
    log.connect(languageClient);
  }

  OrmLensClient client() {
    return client;
  }

  Folders folders() {
    return folders;
  }

  /** The request runner (tests occupy it to observe cancellation and stale results). */
  Requests requests() {
    return requests;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getCapabilities() != null) {
      capabilities = params.getCapabilities();
    }
    initializationOptions = new Gson().toJsonTree(params.getInitializationOptions());
    List<WorkspaceFolder> given = params.getWorkspaceFolders();
    if (given != null && !given.isEmpty()) {
      given.forEach(f -> addFolder(f.getUri()));
    } else if (params.getRootUri() != null) {
      addFolder(params.getRootUri());
    }
    ServerCapabilities caps = new ServerCapabilities();
    caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    caps.setDefinitionProvider(true);
    caps.setDeclarationProvider(true);
    caps.setReferencesProvider(true);
    caps.setHoverProvider(true);
    caps.setCompletionProvider(new CompletionOptions(false, List.of("\"", "'", ".")));
    caps.setRenameProvider(new RenameOptions(true));
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setCodeLensProvider(new CodeLensOptions(false));
    CodeActionOptions actions =
        new CodeActionOptions(List.of("quickfix", "source.fixAll.ormlens", "refactor.rewrite"));
    actions.setResolveProvider(true);
    caps.setCodeActionProvider(actions);
    caps.setExecuteCommandProvider(
        new ExecuteCommandOptions(List.of(WorkspaceHandlers.FIX_WORKSPACE)));
    WorkspaceFoldersOptions folderOptions = new WorkspaceFoldersOptions();
    folderOptions.setSupported(true);
    folderOptions.setChangeNotifications(true);
    caps.setWorkspace(new WorkspaceServerCapabilities(folderOptions));
    var text = capabilities.getTextDocument();
    textDocuments.resolveEditsLazily(
        text != null
            && text.getCodeAction() != null
            && text.getCodeAction().getResolveSupport() != null
            && text.getCodeAction().getResolveSupport().getProperties() != null
            && text.getCodeAction().getResolveSupport().getProperties().contains("edit"));
    if (pullsDiagnostics(text)) {
      caps.setDiagnosticProvider(new DiagnosticRegistrationOptions(true, false));
      pushed.disable();
      var ws = capabilities.getWorkspace();
      pullRefresh =
          ws != null
              && ws.getDiagnostics() != null
              && Boolean.TRUE.equals(ws.getDiagnostics().getRefreshSupport());
    }
    return CompletableFuture.completedFuture(
        new InitializeResult(caps, new ServerInfo("ormlens", dev.ormlens.cli.Version.VERSION)));
  }

  /**
   * Pull diagnostics only when the client asks for them: it supports {@code
   * textDocument/diagnostic} and either handles no pushed ones or says {@code "diagnosticMode":
   * "pull"} in its initialization options. A client that takes both (many editors and test
   * harnesses wait for {@code publishDiagnostics}) keeps getting them pushed.
   */
  private boolean pullsDiagnostics(org.eclipse.lsp4j.TextDocumentClientCapabilities text) {
    if (text == null || text.getDiagnostic() == null) {
      return false;
    }
    boolean handlesPushed = text.getPublishDiagnostics() != null;
    JsonElement mode =
        initializationOptions != null && initializationOptions.isJsonObject()
            ? initializationOptions.getAsJsonObject().get("diagnosticMode")
            : null;
    boolean askedForPull =
        mode != null && mode.isJsonPrimitive() && "pull".equals(mode.getAsString());
    return !handlesPushed || askedForPull;
  }

  private void addFolder(String uri) {
    Path p = WorkspaceHandlers.folderPath(uri);
    if (p != null) {
      folders.add(p);
    }
  }

  @Override
  public void initialized(InitializedParams params) {
    registerWatchers();
    // Requests wait for the index from now on, not only once the settings have arrived.
    reindexer.expectLoad();
    reloadConfiguration(null)
        .whenComplete(
            (ignored, failure) -> {
              try {
                if (failure == null) {
                  index(folders.all());
                }
              } finally {
                reindexer.expectedLoadStarted();
              }
            });
  }

  private void registerWatchers() {
    var ws = capabilities.getWorkspace();
    if (ws == null
        || ws.getDidChangeWatchedFiles() == null
        || !Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration())) {
      return;
    }
    var options =
        new DidChangeWatchedFilesRegistrationOptions(
            List.of(
                new FileSystemWatcher(Either.forLeft("**/*.py")),
                new FileSystemWatcher(Either.forLeft("**/pyproject.toml"))));
    client.registerCapability(
        new RegistrationParams(
            List.of(
                new Registration("ormlens-watch", "workspace/didChangeWatchedFiles", options))));
  }

  /**
   * Reads the settings ({@link Configuration}): {@code [tool.ormlens]} of each folder's {@code
   * pyproject.toml}, overridden by the client's {@code ormlens} section (asked with {@code
   * workspace/configuration} when the client supports it, else the pushed value or the
   * initialization options). Invalid settings are shown as a warning, never fatal.
   */
  CompletableFuture<Void> reloadConfiguration(Object pushedSettings) {
    var ws = capabilities.getWorkspace();
    boolean canAsk = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
    CompletableFuture<JsonElement> fromClient;
    if (canAsk) {
      ConfigurationItem item = new ConfigurationItem();
      item.setSection("ormlens");
      fromClient =
          client
              .configuration(new ConfigurationParams(List.of(item)))
              .thenApply(
                  list ->
                      list == null || list.isEmpty() ? null : new Gson().toJsonTree(list.get(0)))
              .exceptionally(e -> null);
    } else {
      JsonElement given =
          pushedSettings != null ? new Gson().toJsonTree(pushedSettings) : initializationOptions;
      fromClient = CompletableFuture.completedFuture(given);
    }
    return fromClient.thenAccept(
        json -> {
          List<String> problems = new ArrayList<>();
          Configuration before = reindexer.configuration();
          Configuration next = Configuration.read(folders.all(), json, problems);
          warn(problems);
          if (!next.equals(before)) {
            reindexer.setConfiguration(next);
          }
          // Folders indexed already whose include/exclude/roots changed are listed again; new
          // folders are indexed by whoever added them.
          List<Path> relist = new ArrayList<>();
          next.discovery()
              .forEach(
                  (root, listing) -> {
                    if (before.discovery().containsKey(root)
                        && !listing.equals(before.discovery().get(root))) {
                      relist.add(root);
                    }
                  });
          if (!relist.isEmpty()) {
            index(relist);
          }
        });
  }

  /** Shows each settings problem once, as a warning: the server goes on with the rest. */
  private void warn(List<String> problems) {
    List<String> fresh = problems.stream().filter(p -> !shownProblems.contains(p)).toList();
    shownProblems = List.copyOf(problems);
    OrmLensClient c = client;
    for (String p : fresh) {
      log.info("ormlens: " + p);
      if (c != null) {
        try {
          c.showMessage(new MessageParams(MessageType.Warning, "ORM Lens: " + p));
        } catch (RuntimeException e) {
          log.error("window/showMessage failed", e);
        }
      }
    }
  }

  /** Indexes folders in the background, reporting progress and status. */
  void index(List<Path> roots) {
    status("indexing", "Indexing SQLAlchemy models");
    reindexer.loadFolders(roots, progress(), () -> status("ready", null));
  }

  private Progress progress() {
    var window = capabilities.getWindow();
    if (window == null || !Boolean.TRUE.equals(window.getWorkDoneProgress()) || client == null) {
      return Progress.NONE;
    }
    String token = "ormlens-indexing-" + progressTokens.incrementAndGet();
    return new Progress() {
      private volatile boolean created;

      @Override
      public void begin(String title, int total) {
        try {
          client
              .createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token)))
              .get(5, TimeUnit.SECONDS);
          created = true;
        } catch (Exception e) {
          log.info("ormlens: no progress reporting (" + e + ")");
          return;
        }
        WorkDoneProgressBegin b = new WorkDoneProgressBegin();
        b.setTitle(title);
        b.setMessage("0/" + total + " files");
        b.setPercentage(0);
        b.setCancellable(false);
        send(Either.forLeft(b));
      }

      @Override
      public void report(int done, int total) {
        WorkDoneProgressReport r = new WorkDoneProgressReport();
        r.setMessage(done + "/" + total + " files");
        r.setPercentage(total == 0 ? 100 : done * 100 / total);
        send(Either.forLeft(r));
      }

      @Override
      public void end(String message) {
        WorkDoneProgressEnd e = new WorkDoneProgressEnd();
        e.setMessage(message);
        send(Either.forLeft(e));
      }

      private void send(Either<org.eclipse.lsp4j.WorkDoneProgressNotification, Object> value) {
        if (created) {
          client.notifyProgress(new ProgressParams(Either.forLeft(token), value));
        }
      }
    };
  }

  private void status(String state, String message) {
    OrmLensClient c = client;
    if (c == null) {
      return;
    }
    Snapshot s = reindexer.current();
    JsonObject o = new JsonObject();
    o.addProperty("state", state);
    o.addProperty("models", s.analysis().model().classes().size());
    o.addProperty("files", s.index().size());
    o.addProperty(
        "message",
        message == null
            ? s.index().size() + " files, " + s.analysis().model().classes().size() + " models"
            : message);
    try {
      c.status(o);
    } catch (RuntimeException e) {
      log.error("ormlens/status failed", e);
    }
  }

  private void snapshotChanged(Snapshot snapshot, boolean whole) {
    pushed.publish(snapshot, whole);
    if (!pushed.enabled() && pullRefresh && client != null) {
      client.refreshDiagnostics();
    }
  }

  @Override
  public CompletableFuture<JsonObject> graph(JsonObject params) {
    String uri =
        params != null && params.has("uri") && params.get("uri").isJsonPrimitive()
            ? params.get("uri").getAsString()
            : null;
    return requests.run(
        "ormlens/graph",
        cancel -> {
          Snapshot s = reindexer.current();
          String path = uri == null ? null : Uris.toPath(uri);
          return GraphJson.entities(s.index(), s.analysis().entityGraph(path));
        });
  }

  @Override
  public CompletableFuture<JsonObject> importGraph(JsonObject params) {
    String uri = uriOf(params);
    return requests.run(
        "ormlens/importGraph",
        cancel -> {
          Snapshot s = reindexer.current();
          String path = uri == null ? null : Uris.toPath(uri);
          return GraphJson.imports(s.analysis().importGraph(path));
        });
  }

  private static String uriOf(JsonObject params) {
    return params != null && params.has("uri") && params.get("uri").isJsonPrimitive()
        ? params.get("uri").getAsString()
        : null;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    // Stop accepting requests (queued ones are answered), drop pending indexing and publishing.
    requests.shutdown();
    reindexer.shutdown();
    pushed.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    onExit.run();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** The server's copy of an open document (for tests of text sync). */
  String openText(String path) {
    return documents.get(path).map(OpenDocuments.Document::text).orElse(null);
  }

  int openVersion(String path) {
    return documents.get(path).map(OpenDocuments.Document::version).orElse(-1);
  }

  @Override
  public void setTrace(org.eclipse.lsp4j.SetTraceParams params) {}
}
