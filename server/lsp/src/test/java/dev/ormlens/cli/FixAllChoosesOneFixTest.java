package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.workspace.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ormlens fix --unsafe}: the fixes offered for one diagnostic are alternatives, so fix-all
 * applies one of them, and the import a fix needs is written once.
 */
class FixAllChoosesOneFixTest {
  @TempDir Path ws;

  @Test
  void aMisspeltBackPopulatesIsEitherRenamedOrCreatedNeverBoth() throws Exception {
    Files.writeString(
        ws.resolve("parent.py"),
        """
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            # 子供たち 👶
            children: Mapped[list["Child"]] = relationship(back_populates="parent")
        """);
    Files.writeString(
        ws.resolve("child.py"),
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from parent import Base, Parent

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped[Parent] = relationship(back_populates="childrn")
        """);
    FixCommand.Session s =
        FixCommand.Session.load(Discovery.find(ws, new ArrayList<>()), new ArrayList<>());
    s.fixToFixedPoint(new Fixes.Selection(true, Set.of()));
    s.write(ws);
    String parent = Files.readString(ws.resolve("parent.py"));
    String child = Files.readString(ws.resolve("child.py"));
    boolean renamed = child.contains("back_populates=\"children\"");
    boolean created = parent.contains("childrn");
    assertTrue(renamed ^ created, "exactly one of the alternatives:\n" + parent + "\n" + child);
    assertFalse(parent.contains("childrn") && child.contains("\"children\""));
    assertEquals(1, count(child, "from parent import"), child);
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
