package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** ORM301 against SQLAlchemy's own qzyx warning: same relationships, same overlaps= names. */
class OverlappingRelationshipsTest {
  private static final String HEAD =
      """
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

      class Base(DeclarativeBase):
          pass
      """;

  @Test
  void theArticlesModelWarnsWhereSqlalchemyDoes() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(secondary="association_table", back_populates="parents")
                child_associations: Mapped[list["Association"]] = relationship(back_populates="parent")
            #   ^^^^^^^^^^^^^^^^^^ warning[ORM301]: relationship 'Parent.child_associations' will copy column left_table.id to column association_table.left_id, which conflicts with relationship(s): 'Parent.children'. SQLAlchemy warns (SAWarning qzyx) when configuring: link them with back_populates, set viewonly=True on the read-only side, or add overlaps="children"

            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                parents: Mapped[list["Parent"]] = relationship(secondary="association_table", back_populates="children")
            #   ^^^^^^^ warning[ORM301]: relationship 'Child.parents' will copy column left_table.id to column association_table.left_id, which conflicts with relationship(s): 'Parent.child_associations'
                parent_associations: Mapped[list["Association"]] = relationship(back_populates="child")
            #   ^^^^^^^^^^^^^^^^^^^ warning[ORM301]: relationship 'Child.parent_associations' will copy column right_table.id to column association_table.right_id, which conflicts with relationship(s): 'Child.parents', 'Parent.children'

            class Association(Base):
                __tablename__ = "association_table"
                left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
                right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
                extra_data: Mapped[str | None]
                child: Mapped["Child"] = relationship(back_populates="parent_associations")
            #   ^^^^^ warning[ORM301]: relationship 'Association.child' will copy column right_table.id to column association_table.right_id, which conflicts with relationship(s): 'Child.parents', 'Parent.children'. SQLAlchemy warns (SAWarning qzyx) when configuring: link them with back_populates, set viewonly=True on the read-only side, or add overlaps="children,parents" to 'Association.child'.
                parent: Mapped["Parent"] = relationship(back_populates="child_associations")
            #   ^^^^^^ warning[ORM301]: relationship 'Association.parent' will copy column left_table.id to column association_table.left_id, which conflicts with relationship(s): 'Child.parents', 'Parent.children'
            """);
  }

  @Test
  void viewonlyManyToManyIsClean() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(secondary="association_table", viewonly=True)
                child_associations: Mapped[list["Association"]] = relationship(back_populates="parent")

            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                parents: Mapped[list["Parent"]] = relationship(secondary="association_table", viewonly=True)
                parent_associations: Mapped[list["Association"]] = relationship(back_populates="child")

            class Association(Base):
                __tablename__ = "association_table"
                left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
                right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
                child: Mapped["Child"] = relationship(back_populates="parent_associations")
                parent: Mapped["Parent"] = relationship(back_populates="child_associations")
            """);
  }

  @Test
  void overlapsNamingEachOtherIsClean() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(secondary="association_table", back_populates="parents")
                child_associations: Mapped[list["Association"]] = relationship(back_populates="parent", overlaps="children")

            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                parents: Mapped[list["Parent"]] = relationship(secondary="association_table", back_populates="children", overlaps="child_associations")
                parent_associations: Mapped[list["Association"]] = relationship(back_populates="child", overlaps="children, parents")

            class Association(Base):
                __tablename__ = "association_table"
                left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
                right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
                child: Mapped["Child"] = relationship(back_populates="parent_associations", overlaps="children,parents")
                parent: Mapped["Parent"] = relationship(back_populates="child_associations", overlaps="children,parents")
            """);
  }

  @Test
  void twoUnlinkedOneToManyOnOneKeyWarn() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship()

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent: Mapped["Parent"] = relationship()
            #   ^^^^^^ warning[ORM301]: relationship 'Child.parent' will copy column parent.id to column child.parent_id, which conflicts with relationship(s): 'Parent.children'
            """);
  }

  @Test
  void backrefPairIsLinkedButClashesWithAThirdRelationship() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Child", backref="parent")
                favourites: Mapped[list["Child"]] = relationship()
            #   ^^^^^^^^^^ warning[ORM301]: relationship 'Parent.favourites' will copy column parent.id to column child.parent_id, which conflicts with relationship(s): 'Child.parent', 'Parent.children'

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void linkedPairsAreClean() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(back_populates="parent")
                pets = relationship("Pet", backref="owner")

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent: Mapped["Parent"] = relationship(back_populates="children")

            class Pet(Base):
                __tablename__ = "pet"
                id: Mapped[int] = mapped_column(primary_key=True)
                owner_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }
}
