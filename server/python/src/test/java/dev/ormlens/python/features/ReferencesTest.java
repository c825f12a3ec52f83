package dev.ormlens.python.features;

import static dev.ormlens.python.features.FeatureChecks.CHECKS;

import org.junit.jupiter.api.Test;

class ReferencesTest {
  @Test
  void classIsFoundFromEveryStringAndNameForm() {
    CHECKS.checkReferences(
        Shop.BASE
            + """
            #- shop/parent.py
            from typing import TYPE_CHECKING
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base, resolve_child
            if TYPE_CHECKING:
                from .child import Child

            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                a: Mapped[list["Child"]] = relationship("Child", back_populates="parent")
            #                   ^^^^^
            #                                            ^^^^^
                b: Mapped[list["Child"]] = relationship("shop.child.Child", viewonly=True)
            #                   ^^^^^
            #                                            ^^^^^^^^^^^^^^^^
                c = relationship(resolve_child, viewonly=True)
            #                    ^^^^^^^^^^^^^
                d = relationship(lambda: Child, viewonly=True)
            #                            ^^^^^
                e = relationship("Child", primaryjoin="Parent.id == Child.parent_id", viewonly=True)
            #                     ^^^^^
            #                                                       ^^^^^
            #- shop/child.py
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Chi$0ld(Base):
            #     ^^^^^
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"))
                parent = relationship("Parent", back_populates="a")
            """);
  }

  @Test
  void tableIsFoundFromSecondaryAndForeignKeyStrings() {
    CHECKS.checkReferences(
        Shop.BASE
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "left$0_table"
            #                    ^^^^^^^^^^
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Child", secondary="association_table")
            #- shop/child.py
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
            """
            + """
            #- shop/association.py
            from sqlalchemy import Column, ForeignKey, Table
            from .base import Base

            association_table = Table(
                "association_table",
                Base.metadata,
                Column("left_id", ForeignKey("left_table.id"), primary_key=True),
            #                                 ^^^^^^^^^^
                Column("right_id", ForeignKey("right_table.id"), primary_key=True),
            )
            """);
  }

  @Test
  void relationshipIsFoundFromBackPopulates() {
    CHECKS.checkReferences(
        Shop.BASE
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                chil$0dren = relationship("Child", back_populates="parent")
            #   ^^^^^^^^
            #- shop/child.py
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent = relationship("Parent", back_populates="children")
            #                                                   ^^^^^^^^
            """);
  }
}
