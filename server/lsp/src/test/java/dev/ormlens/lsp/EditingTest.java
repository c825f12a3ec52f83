package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typing: incremental sync, stale diagnostics, non-ASCII text and CRLF. */
class EditingTest {
  @TempDir Path dir;

  @Test
  void thousandRapidEditsLeaveTheServersTextIdenticalToTheClients() throws Exception {
    try (Session s = new Session(dir, LanguageServerTest.SHOP, false)) {
      s.open("shop/child.py");
      Random random = new Random(42);
      String alphabet = "abc \n\r\n😀日本(\"'";
      for (int i = 0; i < 1000; i++) {
        String text = s.text("shop/child.py");
        int start = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), start + random.nextInt(4));
        // Never split a surrogate pair or a CRLF: editors do not.
        start = boundary(text, start);
        end = Math.max(start, boundary(text, end));
        StringBuilder insert = new StringBuilder();
        for (int k = random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(alphabet.length());
          insert.append(
              Character.isHighSurrogate(alphabet.charAt(at))
                  ? alphabet.substring(at, at + 2)
                  : Character.isLowSurrogate(alphabet.charAt(at))
                      ? "x"
                      : String.valueOf(alphabet.charAt(at)));
        }
        s.edit("shop/child.py", start, end, insert.toString());
      }
      String path = Uris.toPath(s.uri("shop/child.py"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> s.server.openVersion(path) == s.version("shop/child.py"));
      assertEquals(s.text("shop/child.py"), s.server.openText(path));
    }
  }

  private static int boundary(String text, int i) {
    if (i > 0
        && i < text.length()
        && ((Character.isLowSurrogate(text.charAt(i))
                && Character.isHighSurrogate(text.charAt(i - 1)))
            || (text.charAt(i) == '\n' && text.charAt(i - 1) == '\r'))) {
      return i - 1;
    }
    return i;
  }

  @Test
  void typingABrokenLineThenFixingItNeverLeavesStaleDiagnostics() throws Exception {
    try (Session s = new Session(dir, LanguageServerTest.SHOP, false)) {
      s.open("shop/child.py");
      String uri = s.uri("shop/child.py");
      String line = "    toys = relationship(\"Parent\", viewonly=True)\n";
      // Type the line one character at a time, as fast as the protocol takes it.
      for (int i = 0; i < line.length(); i++) {
        int end = s.text("shop/child.py").length();
        s.edit("shop/child.py", end, end, String.valueOf(line.charAt(i)));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                var d = s.client.diagnostics.get(uri);
                return d != null && d.getVersion() == s.version("shop/child.py");
              });
      assertEquals(
          List.of(), s.client.diagnostics.get(uri).getDiagnostics(), "the finished line is clean");
      for (var p : s.client.allDiagnostics) {
        if (p.getUri().equals(uri) && p.getVersion() != null) {
          assertTrue(p.getVersion() <= s.version("shop/child.py"));
        }
      }
    }
  }

  @Test
  void positionsAreRightWithJapaneseEmojiAndCrlf() throws Exception {
    Map<String, String> files = new java.util.HashMap<>(LanguageServerTest.SHOP);
    files.put(
        "shop/child.py",
        LanguageServerTest.SHOP
            .get("shop/child.py")
            .replace("class Child", "# 子モデル 😀\nclass Child")
            .replace("\n", "\r\n"));
    try (Session s = new Session(dir, files, false)) {
      String parent =
          "# 親 🎉 コメント\r\n"
              + LanguageServerTest.SHOP
                  .get("shop/parent.py")
                  .replace("\n", "\r\n")
                  .replace("plain: Mapped", "名前 = \"😀\"; plain: Mapped");
      s.open("shop/parent.py", parent);
      var p = s.params("shop/parent.py", "relationship(\"Child\"", 15);
      var result =
          s.remote
              .getTextDocumentService()
              .definition(new DefinitionParams(p.getTextDocument(), p.getPosition()))
              .get(10, TimeUnit.SECONDS);
      var range = result.getLeft().get(0).getRange();
      assertEquals(5, range.getStart().getLine());
      assertEquals(6, range.getStart().getCharacter());
      assertEquals(11, range.getEnd().getCharacter());
      // An incremental edit after the emoji lands where the client means it.
      s.replace("shop/parent.py", "relationship(\"Child\", back", "relationship(\"Chld\", back");
      String uri = s.uri("shop/parent.py");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                var d = s.client.diagnostics.get(uri);
                return d != null
                    && d.getVersion() == s.version("shop/parent.py")
                    && !d.getDiagnostics().isEmpty();
              });
      var d = s.client.diagnostics.get(uri).getDiagnostics().get(0);
      // The whole literal, quotes included, as the diagnostic marks it.
      var expected = s.at("shop/parent.py", "\"Chld\"", 0);
      assertEquals(expected, d.getRange().getStart());
      assertEquals(expected.getCharacter() + 6, d.getRange().getEnd().getCharacter());
    }
  }

  @Test
  void pullDiagnosticsWhenTheClientAsks() throws Exception {
    try (Session s = new Session(dir, LanguageServerTest.SHOP, true)) {
      s.open("shop/child.py");
      s.replace("shop/child.py", "relationship(\"Parent\"", "relationship(\"Parnt\"");
      var report =
          s.remote
              .getTextDocumentService()
              .diagnostic(
                  new DocumentDiagnosticParams(new TextDocumentIdentifier(s.uri("shop/child.py"))))
              .get(10, TimeUnit.SECONDS);
      var items = report.getLeft().getItems();
      assertEquals(1, items.size());
      assertEquals("ORM101", items.get(0).getCode().getLeft());
      assertTrue(s.client.diagnostics.isEmpty(), "nothing pushed in pull mode");
    }
  }

  @Test
  void aClientThatTakesBothPushedAndPulledDiagnosticsGetsThemPushed() throws Exception {
    // Many editors and harnesses declare pull support yet wait for publishDiagnostics; only a
    // client that asks (initializationOptions "diagnosticMode": "pull") is switched to pull.
    try (Session s =
        new Session(
            dir,
            LanguageServerTest.SHOP,
            true,
            caps ->
                caps.getTextDocument()
                    .setPublishDiagnostics(
                        new org.eclipse.lsp4j.PublishDiagnosticsCapabilities()))) {
      s.open("shop/child.py");
      s.replace("shop/child.py", "relationship(\"Parent\"", "relationship(\"Parnt\"");
      String uri = s.uri("shop/child.py");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                var d = s.client.diagnostics.get(uri);
                return d != null
                    && d.getDiagnostics().stream()
                        .anyMatch(x -> "ORM101".equals(x.getCode().getLeft()));
              });
    }
  }

  @Test
  void malformedDocumentNotificationsNeverLoseTheBufferOrTheServer() throws Exception {
    try (Session s = new Session(dir, LanguageServerTest.SHOP, false)) {
      String file = "shop/child.py";
      s.open(file);
      String path = Uris.toPath(s.uri(file));
      String before = s.text(file);
      var service = s.remote.getTextDocumentService();
      // A change without text (and an open without text) is refused, not applied as "null".
      var noText = new org.eclipse.lsp4j.TextDocumentContentChangeEvent();
      noText.setRange(
          new org.eclipse.lsp4j.Range(
              new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)));
      service.didChange(
          new org.eclipse.lsp4j.DidChangeTextDocumentParams(
              new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(s.uri(file), 7),
              List.of(noText)));
      var withoutText = new org.eclipse.lsp4j.TextDocumentItem();
      withoutText.setUri(s.uri("shop/parent.py"));
      withoutText.setLanguageId("python");
      withoutText.setVersion(1);
      service.didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams(withoutText));
      // A position past a CRLF line's end means the end of that line, before its terminator.
      s.edit(file, 0, 0, "# 😀 first\r\n");
      String crlf = s.text(file);
      var past = new org.eclipse.lsp4j.Position(0, 500);
      service.didChange(
          new org.eclipse.lsp4j.DidChangeTextDocumentParams(
              new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(s.uri(file), 9),
              List.of(
                  new org.eclipse.lsp4j.TextDocumentContentChangeEvent(
                      new org.eclipse.lsp4j.Range(past, past), " end"))));
      await().atMost(Duration.ofSeconds(10)).until(() -> s.server.openVersion(path) == 9);
      String expected = crlf.replaceFirst("# 😀 first\r\n", "# 😀 first end\r\n");
      assertEquals(expected, s.server.openText(path));
      assertTrue(before.length() < expected.length());
      // And it still answers.
      var p = s.params("shop/parent.py", "relationship(\"Child\"", 15);
      var result =
          service
              .definition(new DefinitionParams(p.getTextDocument(), p.getPosition()))
              .get(10, TimeUnit.SECONDS);
      assertEquals(1, result.getLeft().size());
    }
  }
}
