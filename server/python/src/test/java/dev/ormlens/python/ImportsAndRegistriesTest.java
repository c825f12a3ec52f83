package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import dev.ormlens.testkit.Fixture;
import org.junit.jupiter.api.Test;

/** SPEC "imports" and "several registries": names resolve as Python and clsregistry do. */
class ImportsAndRegistriesTest {
  @Test
  void importAliasesAndModuleForms() {
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        from .models.parent import Parent
        from .models.child import Child
        #- app/db.py
        import sqlalchemy as sa
        import sqlalchemy.orm as orm

        class Base(orm.DeclarativeBase):
            pass
        #- app/models/__init__.py
        #- app/models/parent.py
        from __future__ import annotations
        from typing import TYPE_CHECKING
        import sqlalchemy as sa
        from sqlalchemy.orm import relationship as rel, Mapped, mapped_column
        from ..db import Base

        if TYPE_CHECKING:
            from .child import Child

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list[Child]] = rel(back_populates="parent")
            pets = sa.orm.relationship("Pett")
        #                              ^^^^^^ error[ORM101]: no mapped class named 'Pett'
        #- app/models/child.py
        import sqlalchemy.orm as orm
        from sqlalchemy import ForeignKey
        from ..db import Base

        def resolve_parent():
            from .parent import Parent
            return Parent

        class Child(Base):
            __tablename__ = "child"
            id: orm.Mapped[int] = orm.mapped_column(primary_key=True)
            parent_id: orm.Mapped[int] = orm.mapped_column(ForeignKey("parent.id"))
            parent = orm.relationship(resolve_parent, back_populates="kids")
        #! entry: app
        """);
  }

  @Test
  void reExportFromPackageInitJumpsToDefinition() {
    CHECKS.checkDefinition(
        """
        #- src/app/__init__.py
        from .models import Child
        #- src/app/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- src/app/models.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Child(Base):
        #     ^^^^^
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- src/app/parent.py
        from sqlalchemy.orm import relationship
        from app import Child
        from .base import Base

        class Parent(Base):
            __tablename__ = "parent"
            kids = relationship(Chi$0ld)
        """);
  }

  @Test
  void aClassOfAnotherRegistryIsNotFound() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class A(DeclarativeBase):
            pass

        class B(DeclarativeBase):
            pass

        class Owner(A):
            __tablename__ = "owner"
            id: Mapped[int] = mapped_column(primary_key=True)

        class Pet(B):
            __tablename__ = "pet"
            id: Mapped[int] = mapped_column(primary_key=True)
            owner = relationship("Owner")
        #                        ^^^^^^^ error[ORM101]: no mapped class named 'Owner'
        """);
  }

  @Test
  void theOtherWayRoundToo() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class A(DeclarativeBase):
            pass

        class B(DeclarativeBase):
            pass

        class Owner(A):
            __tablename__ = "owner"
            id: Mapped[int] = mapped_column(primary_key=True)
            pets = relationship("Pet")
        #                       ^^^^^ error[ORM101]: no mapped class named 'Pet'

        class Pet(B):
            __tablename__ = "pet"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }

  @Test
  void sameNamesInTwoRegistriesResolveEachInItsOwn() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class A(DeclarativeBase):
            pass

        class B(DeclarativeBase):
            pass

        class Owner(A):
            __tablename__ = "owner"
            id: Mapped[int] = mapped_column(primary_key=True)
            pets: Mapped[list["Pet"]] = relationship(back_populates="owner")

        class Pet(A):
            __tablename__ = "pet"
            id: Mapped[int] = mapped_column(primary_key=True)
            owner_id: Mapped[int] = mapped_column(ForeignKey("owner.id"))
            owner: Mapped["Owner"] = relationship(back_populates="pets")

        class OwnerB(B):
            __tablename__ = "owner"
            id: Mapped[int] = mapped_column(primary_key=True)
            pets: Mapped[list["PetB"]] = relationship()

        class PetB(B):
            __tablename__ = "pet"
            id: Mapped[int] = mapped_column(primary_key=True)
            owner_id: Mapped[int] = mapped_column(ForeignKey("owner.id"))
        """);
  }

  @Test
  void positionsSurviveCrlfJapaneseAndEmoji() {
    CHECKS.checkDiagnostics(
        Fixture.parse(
            """
            # 親と子のモデル 😀
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

            class Base(DeclarativeBase):  # 基底 🎉
                pass

            class Parent(Base):
                __tablename__ = "parent"  # 親 👨‍👩‍👧
                id: Mapped[int] = mapped_column(primary_key=True)
                name = "名前😀"; kids = relationship("Chld")
            #                                      ^^^^^^ error[ORM101]: no mapped class named 'Chld'
                toys = relationship("Parent", secondary="toy_links")  # 😀 おもちゃ
            #                                           ^^^^^^^^^^^ error[ORM102]: no table named 'toy_links'
            """,
            "\r\n"));
  }

  @Test
  void definitionSurvivesCrlf() {
    Fixture f =
        Fixture.parse(
            """
            # 子 😀
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

            class Base(DeclarativeBase):
                pass

            class Child(Base):  # 😀
            #     ^^^^^
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)

            class Parent(Base):  # 親
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids = relationship("Chi$0ld")
            """,
            "\r\n");
    org.junit.jupiter.api.Assertions.assertEquals(
        f.marks().get(0).range(),
        CHECKS.analyse(f).definitionAt(f.cursor().path(), f.cursor().offset()).get(0).range());
  }
}
