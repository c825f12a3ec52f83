package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code actions through the protocol: a client that resolves edits lazily gets actions without edits
 * and the edit on resolve, the same edit an eager client gets at once; a stale resolve is answered
 * with ContentModified.
 */
class CodeActionTest {
  @TempDir Path lazyDir;
  @TempDir Path eagerDir;

  static void resolvesEditsLazily(ClientCapabilities caps) {
    TextDocumentClientCapabilities text =
        caps.getTextDocument() == null
            ? new TextDocumentClientCapabilities()
            : caps.getTextDocument();
    CodeActionCapabilities actions = new CodeActionCapabilities();
    actions.setResolveSupport(new CodeActionResolveSupportCapabilities(List.of("edit")));
    actions.setDataSupport(true);
    text.setCodeAction(actions);
    caps.setTextDocument(text);
  }

  static List<CodeAction> actionsAt(Session s, String file, String marker) throws Exception {
    var at = s.at(file, marker, 1);
    var result =
        s.remote
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(s.uri(file)),
                    new Range(at, at),
                    new CodeActionContext(List.of())))
            .get(10, TimeUnit.SECONDS);
    return result.stream().map(Either::getRight).toList();
  }

  private static Session withTypo(Path dir, boolean lazy) throws Exception {
    Session s =
        new Session(
            dir,
            LanguageServerTest.SHOP,
            false,
            lazy ? CodeActionTest::resolvesEditsLazily : c -> {});
    s.open("shop/child.py");
    s.replace("shop/child.py", "relationship(\"Parent\"", "relationship(\"Parnt\"");
    String uri = s.uri("shop/child.py");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var d = s.client.diagnostics.get(uri);
              return d != null && d.getVersion() == 2 && !d.getDiagnostics().isEmpty();
            });
    return s;
  }

  private static CodeAction titled(List<CodeAction> actions, String title) {
    return actions.stream()
        .filter(a -> a.getTitle().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError(actions.stream().map(CodeAction::getTitle).toList()));
  }

  @Test
  void lazyActionsCarryNoEditAndResolveGivesTheEagerEdit() throws Exception {
    String title = "Change 'Parnt' to 'Parent'";
    try (Session lazy = withTypo(lazyDir, true);
        Session eager = withTypo(eagerDir, false)) {
      List<CodeAction> listed = actionsAt(lazy, "shop/child.py", "\"Parnt\"");
      assertTrue(listed.stream().allMatch(a -> a.getEdit() == null), "edits computed eagerly");
      CodeAction picked = titled(listed, title);
      assertNotNull(picked.getData());

      CodeAction resolved =
          lazy.remote.getTextDocumentService().resolveCodeAction(picked).get(10, TimeUnit.SECONDS);
      CodeAction eagerAction = titled(actionsAt(eager, "shop/child.py", "\"Parnt\""), title);

      assertNotNull(eagerAction.getEdit());
      var lazyChange = resolved.getEdit().getDocumentChanges().get(0).getLeft();
      var eagerChange = eagerAction.getEdit().getDocumentChanges().get(0).getLeft();
      assertEquals(eagerChange.getEdits(), lazyChange.getEdits());
      assertEquals(2, lazyChange.getTextDocument().getVersion());
      assertTrue(lazyChange.getTextDocument().getUri().endsWith("shop/child.py"));

      lazy.apply(resolved.getEdit());
      assertTrue(lazy.text("shop/child.py").contains("relationship(\"Parent\""));
    }
  }

  @Test
  void resolvingAfterTheDocumentChangedIsContentModified() throws Exception {
    try (Session s = withTypo(lazyDir, true)) {
      CodeAction picked =
          titled(actionsAt(s, "shop/child.py", "\"Parnt\""), "Change 'Parnt' to 'Parent'");
      s.replace("shop/child.py", "id: Mapped[int]", "id:  Mapped[int]");
      var e =
          assertThrows(
              ExecutionException.class,
              () ->
                  s.remote
                      .getTextDocumentService()
                      .resolveCodeAction(picked)
                      .get(10, TimeUnit.SECONDS));
      var error = ((ResponseErrorException) e.getCause()).getResponseError();
      assertEquals(ResponseErrorCode.ContentModified.getValue(), error.getCode());
      assertNull(picked.getEdit());
    }
  }
}
