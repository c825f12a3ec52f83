package dev.ormlens.lsp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file edited in the editor keeps the module name the workspace scan gave it. The package lives
 * under {@code server/} and is imported as {@code appname} (an import root the scan finds from the
 * absolute imports): an edited file named {@code server.appname.models.parent} would lose its
 * relative imports, its base class, and every answer about its models.
 */
class ModuleNamesTest {
  @TempDir Path dir;

  static final Map<String, String> APP =
      Map.of(
          "server/appname/__init__.py",
          "",
          "server/appname/main.py",
          "from appname.models import Parent, Child  # 起動時にすべてのモデルを読み込む\n",
          "server/appname/models/__init__.py",
          "from .parent import Parent\nfrom .child import Child\n",
          "server/appname/models/base.py",
          """
          from sqlalchemy.orm import DeclarativeBase

          class Base(DeclarativeBase):
              pass
          """,
          "server/appname/models/parent.py",
          """
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base

          class Parent(Base):
              __tablename__ = "parent"
              id: Mapped[int] = mapped_column(primary_key=True)
              children = relationship("Child", back_populates="parent")
          """,
          "server/appname/models/child.py",
          """
          from sqlalchemy import ForeignKey
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base

          class Child(Base):
              __tablename__ = "child"
              id: Mapped[int] = mapped_column(primary_key=True)
              parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
              parent = relationship("Parent", back_populates="children")
          """);

  @Test
  void anEditedFileUnderAnImportRootKeepsItsScannedModule() throws Exception {
    try (Session s = new Session(dir, APP, false)) {
      String file = "server/appname/models/parent.py";
      s.open(file);
      s.replace(file, "back_populates=\"parent\")", "back_populates=\"parent\")  # 編集 😀");
      String path = Uris.toPath(s.uri(file));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> s.server.openVersion(path) == s.version(file));
      await().atMost(Duration.ofSeconds(10)).until(() -> definition(s, file).size() == 1);
      Location target = definition(s, file).get(0);
      assertEquals(s.uri("server/appname/models/child.py"), target.getUri());
      assertEquals(4, target.getRange().getStart().getLine());
    }
  }

  private static List<? extends Location> definition(Session s, String file) throws Exception {
    var p = s.params(file, "relationship(\"Child\"", 15);
    var result =
        s.remote
            .getTextDocumentService()
            .definition(new DefinitionParams(p.getTextDocument(), p.getPosition()))
            .get(10, TimeUnit.SECONDS);
    return result.getLeft();
  }

  @Test
  void aDefinitionAskedWhileIndexingWaitsForTheIndex() throws Exception {
    Map<String, String> files = new java.util.HashMap<>(APP);
    for (int i = 0; i < 6000; i++) {
      files.put(
          "server/appname/services/s" + i + ".py",
          "def handler_" + i + "():\n    return " + i + "\n");
    }
    try (Session s = new Session(dir, files, false, caps -> {}, false)) {
      String file = "server/appname/models/parent.py";
      s.open(file);
      boolean askedWhileIndexing = !s.client.ready();
      List<? extends Location> answer = definition(s, file);
      assertEquals(true, askedWhileIndexing, "the request went out before indexing ended");
      assertEquals(1, answer.size(), "answered from the whole index, not an empty partial one");
      assertEquals(s.uri("server/appname/models/child.py"), answer.get(0).getUri());
    }
  }
}
