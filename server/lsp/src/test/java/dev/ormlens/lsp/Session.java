package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * A server and an lsp4j client talking over piped streams, on a temporary workspace. Documents are
 * edited through the protocol; the session keeps the client's copy of each text.
 */
final class Session implements AutoCloseable {
  final Path root;
  final TestClient client = new TestClient();
  final OrmLensServer server = new OrmLensServer(() -> {});
  final OrmLensApi remote;
  private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> versions = new java.util.concurrent.ConcurrentHashMap<>();

  Session(Path root, Map<String, String> files, boolean pullDiagnostics) throws Exception {
    this(root, files, pullDiagnostics, caps -> {});
  }

  /** {@code capabilities} adjusts what the client declares before {@code initialize}. */
  Session(
      Path root,
      Map<String, String> files,
      boolean pullDiagnostics,
      java.util.function.Consumer<ClientCapabilities> capabilities)
      throws Exception {
    this(root, files, pullDiagnostics, capabilities, true);
  }

  /** {@code awaitIndexed} false: returns as soon as the server is initialised, indexing or not. */
  Session(
      Path root,
      Map<String, String> files,
      boolean pullDiagnostics,
      java.util.function.Consumer<ClientCapabilities> capabilities,
      boolean awaitIndexed)
      throws Exception {
    this.root = root;
    for (var e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    // NIO pipes: java.io's piped streams fail with "write end dead" once a writer thread ends.
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    var serverIn = Channels.newInputStream(toServer.source());
    var clientOut = Channels.newOutputStream(toServer.sink());
    var clientIn = Channels.newInputStream(toClient.source());
    var serverOut = Channels.newOutputStream(toClient.sink());
    Stdio.start(server, serverIn, serverOut);
    Launcher<OrmLensApi> launcher =
        new Launcher.Builder<OrmLensApi>()
            .setLocalService(client)
            .setRemoteInterface(OrmLensApi.class)
            .setInput(clientIn)
            .setOutput(clientOut)
            .create();
    launcher.startListening();
    remote = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "ws")));
    ClientCapabilities caps = new ClientCapabilities();
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setConfiguration(true);
    ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    caps.setWorkspace(ws);
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    if (pullDiagnostics) {
      var text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
      text.setDiagnostic(new DiagnosticCapabilities());
      caps.setTextDocument(text);
    }
    capabilities.accept(caps);
    init.setCapabilities(caps);
    remote.initialize(init).get(10, TimeUnit.SECONDS);
    remote.initialized(new InitializedParams());
    if (awaitIndexed) {
      await().atMost(Duration.ofSeconds(20)).until(client::ready);
    }
  }

  String uri(String relative) {
    return root.resolve(relative).toUri().toString();
  }

  void open(String relative) {
    try {
      open(relative, Files.readString(root.resolve(relative)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String relative, String text) {
    texts.put(relative, text);
    versions.put(relative, 1);
    remote
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(new TextDocumentItem(uri(relative), "python", 1, text)));
  }

  String text(String relative) {
    return texts.get(relative);
  }

  int version(String relative) {
    return versions.get(relative);
  }

  /** Replaces {@code [start, end)} (offsets in the client's text) with {@code newText}. */
  void edit(String relative, int start, int end, String newText) {
    String text = texts.get(relative);
    var lines = dev.ormlens.core.text.LineMap.of(text);
    Range range = new Range(pos(lines, start), pos(lines, end));
    texts.put(relative, text.substring(0, start) + newText + text.substring(end));
    int v = versions.merge(relative, 1, Integer::sum);
    remote
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(relative), v),
                List.of(new TextDocumentContentChangeEvent(range, newText))));
  }

  /** Replaces the first occurrence of {@code from} with {@code to}. */
  void replace(String relative, String from, String to) {
    int at = texts.get(relative).indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException(from);
    }
    edit(relative, at, at + from.length(), to);
  }

  /**
   * Applies a workspace edit as an editor does: each document edit must be for the version the
   * client has (a file not open yet is opened from disk first), and the new text is sent with
   * {@code didChange}.
   */
  void apply(org.eclipse.lsp4j.WorkspaceEdit edit) {
    for (var change : edit.getDocumentChanges()) {
      var doc = change.getLeft();
      String relative =
          root.relativize(Path.of(java.net.URI.create(doc.getTextDocument().getUri())))
              .toString()
              .replace('\\', '/');
      Integer version = doc.getTextDocument().getVersion();
      if (!texts.containsKey(relative)) {
        if (version != null) {
          throw new IllegalStateException("versioned edit for a closed file " + relative);
        }
        open(relative);
      } else if (!java.util.Objects.equals(version, versions.get(relative))) {
        throw new IllegalStateException(
            relative + ": edit for version " + version + ", client has " + versions.get(relative));
      }
      String text = texts.get(relative);
      var lines = dev.ormlens.core.text.LineMap.of(text);
      List<dev.ormlens.core.text.TextEdit> edits = new java.util.ArrayList<>();
      for (var e : doc.getEdits()) {
        int start = lines.offset(position(e.getRange().getStart()));
        int end = lines.offset(position(e.getRange().getEnd()));
        edits.add(
            new dev.ormlens.core.text.TextEdit(
                new dev.ormlens.core.text.TextRange(start, end), e.getNewText()));
      }
      String next = dev.ormlens.core.analysis.fixes.SourceEdits.apply(text, edits);
      texts.put(relative, next);
      int v = versions.merge(relative, 1, Integer::sum);
      remote
          .getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uri(relative), v),
                  List.of(new TextDocumentContentChangeEvent(next))));
    }
  }

  private static dev.ormlens.core.text.Position position(Position p) {
    return new dev.ormlens.core.text.Position(p.getLine(), p.getCharacter());
  }

  /** Writes the client's copy of every open document to disk, as "save all" does. */
  void saveAll() throws IOException {
    for (var e : texts.entrySet()) {
      Files.writeString(root.resolve(e.getKey()), e.getValue());
    }
  }

  private static Position pos(dev.ormlens.core.text.LineMap lines, int offset) {
    var p = lines.position(offset);
    return new Position(p.line(), p.column());
  }

  /** The position of the {@code n}th character of the first occurrence of {@code marker}. */
  Position at(String relative, String marker, int n) {
    String text = texts.containsKey(relative) ? texts.get(relative) : read(relative);
    int i = text.indexOf(marker);
    if (i < 0) {
      throw new IllegalArgumentException(marker);
    }
    return pos(dev.ormlens.core.text.LineMap.of(text), i + n);
  }

  TextDocumentPositionParams params(String relative, String marker, int n) {
    return new TextDocumentPositionParams(
        new TextDocumentIdentifier(uri(relative)), at(relative, marker, n));
  }

  private String read(String relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    remote.shutdown().get(5, TimeUnit.SECONDS);
    remote.exit();
  }
}
