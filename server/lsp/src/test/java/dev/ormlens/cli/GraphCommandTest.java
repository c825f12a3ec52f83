package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run(args));
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void shop() throws IOException {
    write("shop/__init__.py", "");
    write(
        "shop/base.py",
        "from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n");
    write(
        "shop/parent.py",
        """
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .child import Child

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(back_populates="parent")
        """);
    write(
        "shop/child.py",
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .parent import Parent

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="children")
        """);
  }

  @Test
  void printsTheImportGraphWithItsCycle() throws IOException {
    shop();
    assertEquals(
        """
        flowchart LR
            shop_base["shop.base"]
            shop_child["shop.child"]
            shop_parent["shop.parent"]
            shop_child --> shop_base
            shop_child --> shop_parent
            shop_parent --> shop_base
            shop_parent --> shop_child
            classDef cycle fill:#fdd,stroke:#c00,stroke-width:2px
            class shop_child,shop_parent cycle
            linkStyle 1,3 stroke:#c00,stroke-width:2px
        """,
        run("graph", dir.toString(), "--imports"));
  }

  @Test
  void printsOneFilesEntitiesAsDot() throws IOException {
    shop();
    assertEquals(
        """
        digraph entities {
          rankdir=LR;
          node [shape=record, fontname="Helvetica"];
          "Child" [label="{Child (child)|id: int PK\\lparent_id: int FK parent.id\\l}"];
          "Parent" [label="{Parent (parent)|id: int PK\\l}"];
          "Child" -> "Parent" [label="parent", dir=both, arrowhead=normal, arrowtail=crow];
          "Parent" -> "Child" [label="children", dir=both, arrowhead=crow, arrowtail=none];
        }
        """,
        run(
            "graph",
            dir.toString(),
            "--format",
            "dot",
            "--file",
            dir.resolve("shop/child.py").toString()));
  }
}
