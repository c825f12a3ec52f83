package dev.ormlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stale results and shutdown, through the protocol. */
class LifecycleTest {
  @TempDir Path dir;

  @Test
  void aDocumentRequestWhoseDocumentChangesMeanwhileIsContentModified() throws Exception {
    try (Session s = new Session(dir, LanguageServerTest.SHOP, false)) {
      s.open("shop/child.py");
      String path = Uris.toPath(s.uri("shop/child.py"));
      var answer =
          s.server
              .requests()
              .document(
                  "test/slow",
                  s.uri("shop/child.py"),
                  "empty",
                  c -> {
                    // The user types while the request is computed.
                    s.replace("shop/child.py", "id: Mapped[int]", "id:  Mapped[int]");
                    org.awaitility.Awaitility.await().until(() -> s.server.openVersion(path) == 2);
                    return "stale";
                  });
      var e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
      assertEquals(
          ResponseErrorCode.ContentModified.getValue(),
          ((ResponseErrorException) e.getCause()).getResponseError().getCode());
    }
  }

  @Test
  void shutdownIsQuietAndLaterRequestsAreRefused() throws Exception {
    Session s = new Session(dir, LanguageServerTest.SHOP, false);
    s.open("shop/child.py");
    // Edits whose re-indexing is still pending when shutdown arrives.
    for (int i = 0; i < 5; i++) {
      s.replace("shop/child.py", "\"Parent\"", "\"Parnt\"");
      s.replace("shop/child.py", "\"Parnt\"", "\"Parent\"");
    }
    s.remote.shutdown().get(5, TimeUnit.SECONDS);
    s.replace("shop/child.py", "\"Parent\"", "\"Parnt\"");
    Thread.sleep(3 * Reindexer.DEBOUNCE_MS);
    var e =
        assertThrows(
            ExecutionException.class,
            () ->
                s.remote
                    .getWorkspaceService()
                    .symbol(new WorkspaceSymbolParams("Chi"))
                    .get(5, TimeUnit.SECONDS));
    assertEquals(
        ResponseErrorCode.InvalidRequest.getValue(),
        ((ResponseErrorException) e.getCause()).getResponseError().getCode());
    List<String> errors = s.client.logs.stream().filter(l -> l.contains("Exception")).toList();
    assertTrue(errors.isEmpty(), String.join("\n", errors));
    s.remote.exit();
  }

  @Test
  void workspaceFoldersAddedAndRemovedAtRunTime(@TempDir Path other) throws Exception {
    java.nio.file.Files.createDirectories(other.resolve("zoo"));
    java.nio.file.Files.writeString(other.resolve("zoo/__init__.py"), "");
    java.nio.file.Files.writeString(
        other.resolve("zoo/animal.py"),
        "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\n\n"
            + "class Base(DeclarativeBase):\n    pass\n\n\n"
            + "class Animal(Base):\n    __tablename__ = \"animal\"\n"
            + "    id: Mapped[int] = mapped_column(primary_key=True)\n");
    try (Session s = new Session(dir, LanguageServerTest.SHOP, false)) {
      assertTrue(symbols(s, "Animal").isEmpty());
      var folder = new org.eclipse.lsp4j.WorkspaceFolder(other.toUri().toString(), "zoo");
      s.remote
          .getWorkspaceService()
          .didChangeWorkspaceFolders(
              new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
                  new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(folder), List.of())));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> symbols(s, "Animal").equals(List.of("Animal")));
      assertEquals(List.of("Child"), symbols(s, "Child"));
      s.remote
          .getWorkspaceService()
          .didChangeWorkspaceFolders(
              new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
                  new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(), List.of(folder))));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> symbols(s, "Animal").isEmpty());
      assertEquals(List.of("Child"), symbols(s, "Child"));
    }
  }

  private static List<String> symbols(Session s, String query) throws Exception {
    return s
        .remote
        .getWorkspaceService()
        .symbol(new WorkspaceSymbolParams(query))
        .get(10, TimeUnit.SECONDS)
        .getRight()
        .stream()
        .map(org.eclipse.lsp4j.WorkspaceSymbol::getName)
        .filter(n -> n.equals(query))
        .toList();
  }
}
