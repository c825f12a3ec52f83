package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.ormlens.cli.Main;
import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article through the language server: the naive split (examples/naive_split) opened in the
 * editor, its code actions applied one by one as a user applies them, saved, then real Python on
 * the result; and the same files as {@code ormlens fix} with the same selection writes.
 */
class ArticleThroughTheServerTest {
  /** The fixes the article needs, as ArticleEndToEndTest selects them for {@code ormlens fix}. */
  private static final List<String> SELECT =
      List.of(
          "convert-to-lazy-resolver",
          "move-imports-under-type-checking",
          "import-model-modules",
          "add-overlaps");

  /** The same ids in the order the engine registers its fixes. */
  private static final List<String> SELECT_IN_ENGINE_ORDER =
      dev.ormlens.core.analysis.fixes.Fixes.ids().stream().filter(SELECT::contains).toList();

  @TempDir Path editor;
  @TempDir Path command;

  @Test
  void codeActionsOneByOneGiveWorkingCodeAndTheSameFilesAsOrmlensFix() throws Exception {
    assumeTrue(SqlalchemyOracle.available(), "SQLAlchemy venvs not installed");
    Path example = repo().resolve("examples/naive_split");
    copy(example, editor);
    copy(example, command);
    SqlalchemyOracle.assertFailsWith(
        new Fixture(fixture(editor).files(), null, List.of(), List.of("shop.parent")),
        "ImportError|circular");

    try (Session s = new Session(editor, Map.of(), false, CodeActionTest::resolvesEditsLazily)) {
      List<String> files = new ArrayList<>(texts(editor).keySet());
      files.forEach(s::open);
      int applied = 0;
      // Rounds as a user works: each file, each problem, the fix for it; then the fixes the
      // selection names, over the whole file.
      for (int round = 0; round < 10; round++) {
        int before = applied;
        for (String file : files) {
          // `ormlens fix` computes a file's fixes against one text and applies them together; a
          // user applies one at a time. The one fix whose edit depends on the others (the package
          // imports, ordered by the run-time imports the moves change) goes first, so it sees the
          // text `ormlens fix` computed it against.
          CodeAction imports =
              broadest(actions(s, file, whole(s.text(file))), "import-model-modules");
          if (imports != null) {
            apply(s, imports);
            applied++;
          }
          for (Diagnostic d : diagnostics(s, file)) {
            CodeAction pick = pick(actions(s, file, d.getRange()), codeOf(d));
            if (pick != null) {
              apply(s, pick);
              applied++;
            }
          }
          // Then what the selection names, over the whole file, as `ormlens fix --select` does.
          for (String id : SELECT_IN_ENGINE_ORDER) {
            CodeAction a = broadest(actions(s, file, whole(s.text(file))), id);
            if (a != null) {
              apply(s, a);
              applied++;
            }
          }
        }
        if (applied == before) {
          break;
        }
      }
      assertTrue(applied > 0);
      for (String file : files) {
        assertTrue(
            diagnostics(s, file).stream()
                .noneMatch(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error),
            file + ": " + diagnostics(s, file));
      }
      s.saveAll();
    }

    Fixture fixed = new Fixture(fixture(editor).files(), null, List.of(), List.of("shop.parent"));
    // Only the parent module is imported: configure, create_all, a many-to-many round trip, and
    // no SAWarning.
    SqlalchemyOracle.assertClean(fixed);
    for (JsonObject o : SqlalchemyOracle.outcomes(fixed)) {
      assertTrue(o.getAsJsonArray("roundtrip_failures").isEmpty(), o.toString());
      assertTrue(o.getAsJsonArray("relationships").toString().contains("Parent.children"));
    }

    assertEquals(
        0, Main.run("fix", "--unsafe", "--select", String.join(",", SELECT), command.toString()));
    assertEquals(texts(command), texts(editor), "the editor's result is ormlens fix's result");
  }

  private static String codeOf(Diagnostic d) {
    return d.getCode() == null ? null : d.getCode().getLeft();
  }

  /**
   * The user's choice: for a problem, a selected fix for its code, the broadest offered (the last);
   * with no problem, the broadest lazy-resolver conversion.
   */
  private static CodeAction pick(List<CodeAction> actions, String code) {
    CodeAction out = null;
    for (CodeAction a : actions) {
      JsonObject offer = ((JsonObject) a.getData()).getAsJsonObject("offer");
      String id = offer.get("id").getAsString();
      boolean forCode =
          code == null
              ? id.equals("convert-to-lazy-resolver")
              : offer.getAsJsonArray("codes").toString().contains("\"" + code + "\"");
      if (SELECT.contains(id) && forCode) {
        out = a;
      }
    }
    return out;
  }

  private static CodeAction broadest(List<CodeAction> actions, String id) {
    CodeAction out = null;
    for (CodeAction a : actions) {
      if (((JsonObject) a.getData()).getAsJsonObject("offer").get("id").getAsString().equals(id)) {
        out = a;
      }
    }
    return out;
  }

  private static List<Diagnostic> diagnostics(Session s, String file) throws Exception {
    var report =
        s.remote
            .getTextDocumentService()
            .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(s.uri(file))))
            .get(30, TimeUnit.SECONDS);
    return report.getLeft().getItems();
  }

  private static List<CodeAction> actions(Session s, String file, Range range) throws Exception {
    return s
        .remote
        .getTextDocumentService()
        .codeAction(
            new CodeActionParams(
                new TextDocumentIdentifier(s.uri(file)), range, new CodeActionContext(List.of())))
        .get(30, TimeUnit.SECONDS)
        .stream()
        .map(Either::getRight)
        .toList();
  }

  /** Resolves the action, applies its versioned edit, and waits until the server has indexed it. */
  private static void apply(Session s, CodeAction action) throws Exception {
    CodeAction resolved =
        s.remote.getTextDocumentService().resolveCodeAction(action).get(30, TimeUnit.SECONDS);
    List<String> edited = new ArrayList<>();
    for (var change : resolved.getEdit().getDocumentChanges()) {
      Path p = Path.of(java.net.URI.create(change.getLeft().getTextDocument().getUri()));
      edited.add(s.root.relativize(p).toString().replace('\\', '/'));
    }
    s.apply(resolved.getEdit());
    for (String file : edited) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                var d = s.client.diagnostics.get(s.uri(file));
                return d != null && d.getVersion() == s.version(file);
              });
    }
  }

  private static Range whole(String text) {
    var end = dev.ormlens.core.text.LineMap.of(text).position(text.length());
    return new Range(new Position(0, 0), new Position(end.line(), end.column()));
  }

  private static Path repo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples/naive_split"))) {
        return d;
      }
    }
    throw new AssertionError("no checkout above " + Path.of("").toAbsolutePath());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static Map<String, String> texts(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".py")).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return out;
  }

  private static Fixture fixture(Path root) throws IOException {
    List<Fixture.File> files =
        texts(root).entrySet().stream()
            .map(e -> new Fixture.File(e.getKey(), e.getValue()))
            .toList();
    return new Fixture(files, null, List.of(), List.of());
  }
}
