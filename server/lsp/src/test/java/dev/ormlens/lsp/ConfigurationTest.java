package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings in the server: {@code [tool.ormlens]} of the folder's pyproject.toml with the editor's
 * {@code ormlens} section over it, checked as the command line checks them, reloaded when either
 * changes; a bad setting is a warning, never a crash.
 */
class ConfigurationTest {
  @TempDir Path dir;

  private static Map<String, String> shop(String pyproject) {
    Map<String, String> files = new HashMap<>(LanguageServerTest.SHOP);
    files.put(
        "shop/child.py",
        LanguageServerTest.SHOP.get("shop/child.py").replace("(\"Parent\"", "(\"Parnt\""));
    files.put("pyproject.toml", pyproject);
    return files;
  }

  private static void awaitDiagnostics(
      Session s, String file, java.util.function.Predicate<List<org.eclipse.lsp4j.Diagnostic>> ok) {
    String uri = s.uri(file);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var d = s.client.diagnostics.get(uri);
              return d != null && ok.test(d.getDiagnostics());
            });
  }

  private static void configure(Session s, String json) {
    s.client.configuration = JsonParser.parseString(json);
    s.remote
        .getWorkspaceService()
        .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
  }

  private static void pyprojectChanged(Session s) {
    s.remote
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new DidChangeWatchedFilesParams(
                List.of(new FileEvent(s.uri("pyproject.toml"), FileChangeType.Changed))));
  }

  @Test
  void pyprojectSeverityAppliesAndTheEditorsSettingWins() throws Exception {
    String pyproject = "[tool.ormlens]\nseverity = {ORM101 = \"warning\"}\n";
    try (Session s = new Session(dir, shop(pyproject), false)) {
      s.open("shop/child.py");
      awaitDiagnostics(
          s,
          "shop/child.py",
          d -> d.size() == 1 && d.get(0).getSeverity() == DiagnosticSeverity.Warning);
      // What the VS Code extension sends: every key, empty defaults included.
      configure(
          s,
          "{\"diagnostics\": {\"disabled\": [], \"severity\": {\"ORM101\": \"hint\"}},"
              + " \"resolverModule\": null, \"entryModules\": [], \"include\": [],"
              + " \"exclude\": []}");
      awaitDiagnostics(
          s,
          "shop/child.py",
          d -> d.size() == 1 && d.get(0).getSeverity() == DiagnosticSeverity.Hint);
      assertTrue(s.client.messages.isEmpty(), s.client.messages.toString());
    }
  }

  @Test
  void invalidSettingsAreAWarningAndTheServerGoesOn() throws Exception {
    try (Session s = new Session(dir, shop("[tool.ormlens]\nignore = [1]\n"), false)) {
      s.open("shop/child.py");
      awaitDiagnostics(s, "shop/child.py", d -> d.size() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> !s.client.messages.isEmpty());
      var message = s.client.messages.get(0);
      assertEquals(MessageType.Warning, message.getType());
      assertEquals(
          "ORM Lens: "
              + dir.resolve("pyproject.toml")
              + ": [tool.ormlens] ignore: expected a list of strings, found 1; using the defaults"
              + " for this folder",
          message.getMessage());
      assertTrue(!message.getMessage().contains("\n"));

      // Fixed on disk: the watcher's event reloads it.
      Files.writeString(dir.resolve("pyproject.toml"), "[tool.ormlens]\nignore = [\"ORM101\"]\n");
      pyprojectChanged(s);
      awaitDiagnostics(s, "shop/child.py", List::isEmpty);

      // A bad editor setting is left out; the pyproject still applies.
      configure(s, "{\"diagnostics\": {\"severity\": {\"ORM101\": \"loud\"}}}");
      await().atMost(Duration.ofSeconds(5)).until(() -> s.client.messages.size() == 2);
      assertTrue(
          s.client.messages.get(1).getMessage().startsWith("ORM Lens: ormlens settings: severity."),
          s.client.messages.get(1).getMessage());
      assertTrue(s.client.diagnostics.get(s.uri("shop/child.py")).getDiagnostics().isEmpty());
    }
  }

  @Test
  void excludeInPyprojectDropsFilesAndReloadBringsThemBack() throws Exception {
    try (Session s =
        new Session(dir, shop("[tool.ormlens]\nexclude = [\"shop/child.py\"]\n"), false)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> classes(s).equals(Set.of("Parent")));
      Files.writeString(dir.resolve("pyproject.toml"), "[tool.ormlens]\n");
      pyprojectChanged(s);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> classes(s).equals(Set.of("Parent", "Child")));
    }
  }

  @Test
  void entryModulesInPyprojectDecideWhichModulesRun() throws Exception {
    // The docs' ORM202 example: nothing imports child.py when parent.py is imported first.
    Map<String, String> files = new HashMap<>();
    files.put("shop/__init__.py", "");
    files.put(
        "shop/base.py",
        "from sqlalchemy.orm import DeclarativeBase\n\n\nclass Base(DeclarativeBase):\n    pass\n");
    files.put(
        "shop/parent.py",
        """
        from typing import TYPE_CHECKING

        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base

        if TYPE_CHECKING:
            from .child import Child


        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(back_populates="parent")
        """);
    files.put(
        "shop/child.py",
        """
        from typing import TYPE_CHECKING

        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base

        if TYPE_CHECKING:
            from .parent import Parent


        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="children")
        """);
    // The application's first import, which imports every model module.
    files.put("shop/app.py", "from shop import child, parent\n");
    files.put("pyproject.toml", "[tool.ormlens]\n");
    try (Session s = new Session(dir, files, false)) {
      s.open("shop/parent.py");
      awaitDiagnostics(
          s,
          "shop/parent.py",
          d -> d.stream().anyMatch(x -> "ORM202".equals(x.getCode().getLeft())));
      Files.writeString(
          dir.resolve("pyproject.toml"), "[tool.ormlens]\nentry-modules = [\"shop.app\"]\n");
      pyprojectChanged(s);
      awaitDiagnostics(
          s,
          "shop/parent.py",
          d -> d.stream().noneMatch(x -> "ORM202".equals(x.getCode().getLeft())));
    }
  }

  static Set<String> classes(Session s) throws Exception {
    Set<String> out = new TreeSet<>();
    out.addAll(
        s
            .remote
            .getWorkspaceService()
            .symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams(""))
            .get()
            .getRight()
            .stream()
            .filter(w -> w.getKind() == org.eclipse.lsp4j.SymbolKind.Class)
            .map(org.eclipse.lsp4j.WorkspaceSymbol::getName)
            .filter(n -> n.equals("Parent") || n.equals("Child"))
            .toList());
    return out;
  }
}
