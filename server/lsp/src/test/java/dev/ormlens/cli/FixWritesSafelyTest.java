package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.workspace.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ormlens fix} writes only what it may: never a file outside the workspace reached through a
 * link, never over a change it did not see, and a link stays a link.
 */
class FixWritesSafelyTest {
  @TempDir Path dir;

  /** A one-sided back_populates: its safe fix adds the mirror on Parent.children. */
  private static final String MODELS =
      """
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

      class Base(DeclarativeBase):
          pass

      class Parent(Base):
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship()

      class Child(Base):
          __tablename__ = "child"
          id: Mapped[int] = mapped_column(primary_key=True)
          parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
          parent: Mapped[Parent] = relationship(back_populates="children")
      """;

  private FixCommand.Session fixed(Path ws) {
    FixCommand.Session s =
        FixCommand.Session.load(Discovery.find(ws, new ArrayList<>()), new ArrayList<>());
    s.fixToFixedPoint(Fixes.Selection.SAFE);
    assertEquals(1, s.changed().size(), "the fixture has one safe fix");
    return s;
  }

  @Test
  void aFileReachedThroughALinkToOutsideIsNeverWritten() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/pkg"));
    Files.writeString(outside.resolve("__init__.py"), "");
    Files.writeString(outside.resolve("models.py"), MODELS);
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Files.createSymbolicLink(ws.resolve("linked"), outside);
    List<String> notes = fixed(ws).write(ws);
    assertEquals(MODELS, Files.readString(outside.resolve("models.py")), "outside untouched");
    assertTrue(notes.size() == 1 && notes.get(0).contains("outside"), notes.toString());
  }

  @Test
  void aChangeMadeWhileFixRanIsKept() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Files.writeString(ws.resolve("models.py"), MODELS);
    FixCommand.Session s = fixed(ws);
    String edited = MODELS + "\n# 編集中に追加した行 ✍️\n";
    Files.writeString(ws.resolve("models.py"), edited);
    List<String> notes = s.write(ws);
    assertEquals(edited, Files.readString(ws.resolve("models.py")), "the user's edit survives");
    assertTrue(notes.size() == 1 && notes.get(0).contains("changed on disk"), notes.toString());
  }

  @Test
  void aLinkedFileStaysALink() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path store = Files.createDirectories(ws.resolve("store"));
    Files.writeString(store.resolve("real.txt"), MODELS);
    Files.createSymbolicLink(ws.resolve("models.py"), store.resolve("real.txt"));
    List<String> notes = fixed(ws).write(ws);
    assertEquals(List.of(), notes);
    assertTrue(Files.isSymbolicLink(ws.resolve("models.py")), "still a link");
    assertTrue(Files.readString(store.resolve("real.txt")).contains("back_populates=\"parent\""));
  }
}
