package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the server through lsp4j's client over piped streams, on a multi-file workspace. */
class LanguageServerTest {
  static final Map<String, String> SHOP =
      Map.of(
          "shop/__init__.py",
          "from . import parent, child, association\n",
          "shop/base.py",
          """
          from sqlalchemy.orm import DeclarativeBase

          class Base(DeclarativeBase):
              pass

          def resolve_child():
              from .child import Child
              return Child
          """,
          "shop/association.py",
          """
          from sqlalchemy import Column, ForeignKey, Table
          from .base import Base

          links = Table(
              "links",
              Base.metadata,
              Column("parent_id", ForeignKey("parent.id"), primary_key=True),
              Column("child_id", ForeignKey("child.id"), primary_key=True),
          )
          """,
          "shop/parent.py",
          """
          from typing import TYPE_CHECKING
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base, resolve_child
          from .association import links
          if TYPE_CHECKING:
              from .child import Child

          class Parent(Base):
              __tablename__ = "parent"
              id: Mapped[int] = mapped_column(primary_key=True)
              plain: Mapped[list["Child"]] = relationship("Child", back_populates="parent")
              qualified = relationship("shop.child.Child", viewonly=True)
              lazy = relationship(lambda: Child, viewonly=True)
              resolved = relationship(resolve_child, viewonly=True)
              tagged = relationship("Child", secondary="links", viewonly=True)
              by_var = relationship("Child", secondary=links, viewonly=True)
              joined = relationship("Child", primaryjoin="Parent.id == Child.parent_id", viewonly=True)
          """,
          "shop/child.py",
          """
          from sqlalchemy import ForeignKey
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base

          class Child(Base):
              __tablename__ = "child"
              id: Mapped[int] = mapped_column(primary_key=True)
              parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
              parent = relationship("Parent", back_populates="plain")
          """);

  @TempDir Path dir;
  Session s;

  @BeforeEach
  void start() throws Exception {
    s = new Session(dir, SHOP, false);
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  private String render(Location l) {
    Path p = Path.of(java.net.URI.create(l.getUri()));
    return dir.relativize(p).toString().replace('\\', '/')
        + ":"
        + l.getRange().getStart().getLine()
        + ":"
        + l.getRange().getStart().getCharacter()
        + "-"
        + l.getRange().getEnd().getCharacter();
  }

  private List<String> definition(String file, String marker, int n) throws Exception {
    var p = s.params(file, marker, n);
    var result =
        s.remote
            .getTextDocumentService()
            .definition(new DefinitionParams(p.getTextDocument(), p.getPosition()))
            .get(10, TimeUnit.SECONDS);
    List<String> out = new ArrayList<>();
    result.getLeft().forEach(l -> out.add(render(l)));
    return out;
  }

  @Test
  void indexingReportsProgressAndStatus() {
    assertTrue(s.client.statuses.get(0).get("state").getAsString().equals("indexing"));
    var ready = s.client.statuses.get(s.client.statuses.size() - 1);
    assertEquals("ready", ready.get("state").getAsString());
    assertEquals(2, ready.get("models").getAsInt(), "Parent and Child");
    assertEquals(5, ready.get("files").getAsInt());
    await().until(() -> s.client.progress.size() >= 3);
    assertTrue(
        s.client.progress.get(0).getValue().getLeft()
            instanceof org.eclipse.lsp4j.WorkDoneProgressBegin);
    assertFalse(s.client.registrations.isEmpty(), "file watchers registered");
  }

  @Test
  void definitionFromEveryReferenceForm() throws Exception {
    s.open("shop/parent.py");
    String child = "shop/child.py:4:6-11";
    assertEquals(List.of(child), definition("shop/parent.py", "list[\"Child\"]", 7), "annotation");
    assertEquals(
        List.of(child), definition("shop/parent.py", "relationship(\"Child\"", 15), "string");
    assertEquals(List.of(child), definition("shop/parent.py", "shop.child.Child", 12), "qualified");
    assertEquals(List.of(child), definition("shop/parent.py", "lambda: Child", 9), "lambda");
    assertEquals(List.of(child), definition("shop/parent.py", "(resolve_child", 3), "resolver");
    assertEquals(
        List.of("shop/association.py:4:5-10"),
        definition("shop/parent.py", "\"links\"", 2),
        "secondary string");
    assertEquals(
        List.of("shop/association.py:4:5-10"),
        definition("shop/parent.py", "secondary=links", 11),
        "secondary variable");
    assertEquals(
        List.of("shop/child.py:8:4-10"),
        definition("shop/parent.py", "back_populates=\"parent\"", 17),
        "back_populates");
    assertEquals(List.of(child), definition("shop/parent.py", "Child.parent_id", 2), "join class");
    assertEquals(
        List.of("shop/child.py:7:4-13"),
        definition("shop/parent.py", "Child.parent_id", 8),
        "join column");
    s.open("shop/association.py");
    assertEquals(
        List.of("shop/parent.py:8:21-27"),
        definition("shop/association.py", "\"parent.id\"", 2),
        "foreign key table");
    assertEquals(
        List.of("shop/parent.py:9:4-6"),
        definition("shop/association.py", "\"parent.id\"", 8),
        "foreign key column");
  }

  @Test
  void referencesIncludeStrings() throws Exception {
    s.open("shop/child.py");
    var p = s.params("shop/child.py", "class Child", 7);
    var refs =
        s.remote
            .getTextDocumentService()
            .references(
                new ReferenceParams(
                    p.getTextDocument(), p.getPosition(), new ReferenceContext(false)))
            .get(10, TimeUnit.SECONDS);
    List<String> out = new ArrayList<>();
    refs.forEach(l -> out.add(render(l)));
    assertEquals(
        List.of(
            "shop/parent.py:10:24-29",
            "shop/parent.py:10:49-54",
            "shop/parent.py:11:30-46",
            "shop/parent.py:12:32-37",
            "shop/parent.py:13:28-41",
            "shop/parent.py:14:27-32",
            "shop/parent.py:15:27-32",
            "shop/parent.py:16:27-32",
            "shop/parent.py:16:61-66"),
        out);
  }

  @Test
  void hoverShowsDirectionAndReciprocal() throws Exception {
    s.open("shop/parent.py");
    var p = s.params("shop/parent.py", "plain:", 1);
    var hover =
        s.remote
            .getTextDocumentService()
            .hover(new HoverParams(p.getTextDocument(), p.getPosition()))
            .get(10, TimeUnit.SECONDS);
    String md = hover.getContents().getRight().getValue();
    assertTrue(md.contains("relationship `Parent.plain` → `Child` (one-to-many)"), md);
    assertTrue(md.contains("reciprocal: `Child.parent`"), md);
  }

  @Test
  void completionWhileTypingARelationshipString() throws Exception {
    s.open("shop/child.py");
    String text = s.text("shop/child.py");
    int end = text.length();
    s.edit("shop/child.py", end, end, "    toys = relationship(\"Pa");
    var p = s.params("shop/child.py", "relationship(\"Pa", 16);
    var result =
        s.remote
            .getTextDocumentService()
            .completion(new CompletionParams(p.getTextDocument(), p.getPosition()))
            .get(10, TimeUnit.SECONDS);
    List<String> labels = new ArrayList<>();
    result.getRight().getItems().forEach(i -> labels.add(i.getLabel()));
    // "Pa" narrows the list on the server; the editor asks again as the word changes.
    assertEquals(List.of("Parent"), labels);
    assertTrue(result.getRight().isIncomplete());
    var edit = result.getRight().getItems().get(0).getTextEdit().getLeft();
    assertEquals(p.getPosition().getLine(), edit.getRange().getStart().getLine());
    assertEquals(p.getPosition().getCharacter() - 2, edit.getRange().getStart().getCharacter());
  }

  @Test
  void renameRewritesStringsAcrossFiles() throws Exception {
    s.open("shop/child.py");
    var p = s.params("shop/child.py", "class Child", 7);
    var prepared =
        s.remote
            .getTextDocumentService()
            .prepareRename(new PrepareRenameParams(p.getTextDocument(), p.getPosition()))
            .get(10, TimeUnit.SECONDS);
    assertEquals("Child", prepared.getSecond().getPlaceholder());
    var edit =
        s.remote
            .getTextDocumentService()
            .rename(new RenameParams(p.getTextDocument(), p.getPosition(), "Kid"))
            .get(10, TimeUnit.SECONDS);
    int edits = 0;
    for (var change : edit.getDocumentChanges()) {
      var doc = change.getLeft();
      if (doc.getTextDocument().getUri().equals(s.uri("shop/child.py"))) {
        assertEquals(s.version("shop/child.py"), doc.getTextDocument().getVersion());
      } else {
        assertNull(doc.getTextDocument().getVersion(), "closed files are not versioned");
      }
      edits += doc.getEdits().size();
    }
    // The declaration, 8 references in parent.py (the resolver's name is not the class's), the
    // imports in parent.py and base.py, and the resolver's `return Child`.
    assertEquals(12, edits);
  }

  @Test
  void symbolsOfTheFileAndTheWorkspace() throws Exception {
    s.open("shop/child.py");
    var symbols =
        s.remote
            .getTextDocumentService()
            .documentSymbol(
                new DocumentSymbolParams(new TextDocumentIdentifier(s.uri("shop/child.py"))))
            .get(10, TimeUnit.SECONDS);
    var cls = symbols.get(0).getRight();
    assertEquals("Child", cls.getName());
    List<String> children = new ArrayList<>();
    cls.getChildren().forEach(c -> children.add(c.getName()));
    assertEquals(List.of("id", "parent_id", "parent"), children);
    var ws =
        s.remote
            .getWorkspaceService()
            .symbol(new WorkspaceSymbolParams("chi"))
            .get(10, TimeUnit.SECONDS);
    assertEquals("Child", ws.getRight().get(0).getName());
  }

  @Test
  void typoPublishesVersionedDiagnosticAndFixClearsIt() throws Exception {
    s.open("shop/child.py");
    s.replace("shop/child.py", "relationship(\"Parent\"", "relationship(\"Parnt\"");
    String uri = s.uri("shop/child.py");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var d = s.client.diagnostics.get(uri);
              return d != null
                  && d.getVersion() == s.version("shop/child.py")
                  && !d.getDiagnostics().isEmpty();
            });
    var d = s.client.diagnostics.get(uri).getDiagnostics().get(0);
    assertEquals("ORM101", d.getCode().getLeft());
    assertEquals(
        dev.ormlens.core.analysis.rules.Catalogue.entry("ORM101").orElseThrow().helpUri(),
        d.getCodeDescription().getHref());
    assertTrue(d.getCodeDescription().getHref().endsWith("/docs/rules.md#orm101"));
    s.replace("shop/child.py", "relationship(\"Parnt\"", "relationship(\"Parent\"");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var x = s.client.diagnostics.get(uri);
              return x.getVersion() == s.version("shop/child.py") && x.getDiagnostics().isEmpty();
            });
  }

  @Test
  void graphRequestDescribesEntitiesAndDirections() throws Exception {
    var graph = s.remote.graph(null).get(10, TimeUnit.SECONDS);
    assertEquals(2, graph.getAsJsonArray("entities").size());
    var first = graph.getAsJsonArray("relationships").get(0).getAsJsonObject();
    assertEquals("shop.child.Child", first.get("from").getAsString());
    assertEquals("MANYTOONE", first.get("direction").getAsString());
  }

  @Test
  void importGraphShowsModulesAndWhenImportsRun() throws Exception {
    var graph = s.remote.importGraph(null).get(10, TimeUnit.SECONDS);
    List<String> edges = new ArrayList<>();
    graph
        .getAsJsonArray("edges")
        .forEach(
            e -> {
              var o = e.getAsJsonObject();
              edges.add(
                  o.get("from").getAsString()
                      + " -> "
                      + o.get("to").getAsString()
                      + " "
                      + o.get("kind").getAsString());
            });
    assertTrue(edges.contains("shop.parent -> shop.child typeChecking"), edges.toString());
    assertTrue(edges.contains("shop.base -> shop.child function"), edges.toString());
  }

  @Test
  void configurationChangeDisablesACode() throws Exception {
    s.open("shop/child.py");
    s.replace("shop/child.py", "relationship(\"Parent\"", "relationship(\"Parnt\"");
    String uri = s.uri("shop/child.py");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var d = s.client.diagnostics.get(uri);
              return d != null && !d.getDiagnostics().isEmpty();
            });
    s.client.configuration =
        com.google.gson.JsonParser.parseString("{\"diagnostics\": {\"disabled\": [\"ORM101\"]}}");
    s.remote
        .getWorkspaceService()
        .didChangeConfiguration(
            new org.eclipse.lsp4j.DidChangeConfigurationParams(new com.google.gson.JsonObject()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> s.client.diagnostics.get(uri).getDiagnostics().isEmpty());
  }

  @Test
  void fileCreatedOnDiskIsIndexedWhenWatched() throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("shop/toy.py"),
        "from sqlalchemy.orm import Mapped, mapped_column\nfrom .base import Base\n\n"
            + "class Toy(Base):\n    __tablename__ = \"toy\"\n    id: Mapped[int] = mapped_column(primary_key=True)\n");
    s.remote
        .getWorkspaceService()
        .didChangeWatchedFiles(
            new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(
                    new org.eclipse.lsp4j.FileEvent(
                        s.uri("shop/toy.py"), org.eclipse.lsp4j.FileChangeType.Created))));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !s.remote
                    .getWorkspaceService()
                    .symbol(new WorkspaceSymbolParams("Toy"))
                    .get()
                    .getRight()
                    .isEmpty());
  }
}
