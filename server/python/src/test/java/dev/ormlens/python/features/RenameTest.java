package dev.ormlens.python.features;

import static dev.ormlens.python.features.FeatureChecks.CHECKS;

import org.junit.jupiter.api.Test;

class RenameTest {
  private static final String WORKSPACE =
      """
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass
      #- shop/parent.py
      from typing import TYPE_CHECKING
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base
      if TYPE_CHECKING:
          from .child import Child

      class Parent(Base):
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship(
              "shop.child.Child", secondary="links", back_populates="parents"
          )
          firstborn = relationship("Child", primaryjoin="Child.id == Parent.id", viewonly=True)
      #- shop/child.py
      from sqlalchemy import Column, ForeignKey, Table
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base

      links = Table(
          "links",
          Base.metadata,
          Column("parent_id", ForeignKey("parent.id"), primary_key=True),
          Column("child_id", ForeignKey("child.id"), primary_key=True),
      )

      class Child(Base):
          __tablename__ = "child"
          id: Mapped[int] = mapped_column(primary_key=True)
          parents: Mapped[list["Parent"]] = relationship(secondary=links, back_populates="children")
      """;

  private static String at(String from, String to) {
    if (!WORKSPACE.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    return WORKSPACE.replace(from, to);
  }

  @Test
  void classRenameRewritesPlainAndQualifiedStringsAndImports() {
    CHECKS.checkRename(
        at("class Child(", "class Chi$0ld("),
        "Kid",
        WORKSPACE
            .replace("import Child", "import Kid")
            .replace("\"Child\"", "\"Kid\"")
            .replace("shop.child.Child", "shop.child.Kid")
            .replace("Child.id ==", "Kid.id ==")
            .replace("class Child(", "class Kid("));
  }

  @Test
  void tableRenameRewritesSecondaryAndForeignKeys() {
    CHECKS.checkRename(
        at("__tablename__ = \"parent\"", "__tablename__ = \"par$0ent\""),
        "parents_table",
        WORKSPACE
            .replace("__tablename__ = \"parent\"", "__tablename__ = \"parents_table\"")
            .replace("ForeignKey(\"parent.id\")", "ForeignKey(\"parents_table.id\")"));
  }

  @Test
  void associationTableRenameRewritesSecondaryString() {
    CHECKS.checkRename(
        at("secondary=\"links\"", "secondary=\"li$0nks\""),
        "parent_child",
        WORKSPACE
            .replace("secondary=\"links\"", "secondary=\"parent_child\"")
            .replace("    \"links\",", "    \"parent_child\","));
  }

  @Test
  void attributeRenameRewritesBackPopulates() {
    CHECKS.checkRename(
        at("children: Mapped", "chil$0dren: Mapped"),
        "kids",
        WORKSPACE
            .replace("children: Mapped", "kids: Mapped")
            .replace("back_populates=\"children\"", "back_populates=\"kids\""));
  }

  @Test
  void invalidNameIsRefused() {
    CHECKS.checkRename(
        at("class Child(", "class Chi$0ld("),
        "not a name",
        "error: 'not a name' is not a valid name.");
  }
}
