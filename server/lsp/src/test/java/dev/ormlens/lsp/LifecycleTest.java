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
}
