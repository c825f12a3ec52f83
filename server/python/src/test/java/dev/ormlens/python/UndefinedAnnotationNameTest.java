package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/**
 * ORM203: names in annotations that are neither imported nor defined. Python evaluates eager
 * annotations at class creation; SQLAlchemy evaluates lazy Mapped[...] annotations itself, except
 * that it finds a relationship's target class by name.
 */
class UndefinedAnnotationNameTest {
  @Test
  void eagerAnnotationRaisesNameError() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Thing(Base):
            __tablename__ = "thing"
            id: Mapped[int] = mapped_column(primary_key=True)
            name: Mapped[Optional[str]]
        #                ^^^^^^^^ error[ORM203]: 'Optional' is neither imported nor defined: Python raises NameError when it creates the class and evaluates this
        """);
  }

  @Test
  void lazyRelationshipTargetWorksButIsInvisibleToTypeCheckers() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent, shop.child
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(back_populates="parent")
        #                      ^^^^^ warning[ORM203]: 'Child' is neither imported nor defined in this module: SQLAlchemy finds the class by name in its registry, but type
        #- shop/child.py
        from __future__ import annotations
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped[Parent] = relationship(back_populates="kids")
        #                  ^^^^^^ warning[ORM203]: 'Parent' is neither imported nor defined in this module: SQLAlchemy finds the class by name in its registry, but type
        """);
  }

  @Test
  void stringMappedAnnotationIsEvaluatedBySqlalchemy() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Thing(Base):
            __tablename__ = "thing"
            id: Mapped[int] = mapped_column(primary_key=True)
            name: Mapped["Optional[str]"]
        #                 ^^^^^^^^ error[ORM203]: 'Optional' is neither imported nor defined: SQLAlchemy evaluates the Mapped[...] annotation when it maps the class and
        """);
  }

  @Test
  void futureAnnotationsAreEvaluatedBySqlalchemy() {
    CHECKS.checkDiagnostics(
        """
        from __future__ import annotations
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Thing(Base):
            __tablename__ = "thing"
            id: Mapped[int] = mapped_column(primary_key=True)
            name: Mapped[Optional[str]]
        #                ^^^^^^^^ error[ORM203]: 'Optional' is neither imported nor defined: SQLAlchemy evaluates the Mapped[...] annotation when it maps the class and
        """);
  }

  @Test
  void lazyAnnotationOfPlainClassIsLeftToTypeCheckers() {
    // Nothing evaluates a lazy annotation of a class that is not mapped: an undefined name there
    // is a type checker's finding (pyright, mypy), not a failure SQLAlchemy would have.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Thing(Base):
            __tablename__ = "thing"
            id: Mapped[int] = mapped_column(primary_key=True)

        class Settings:
            # 設定: 文字列の注釈は実行時に評価されない 📝
            owner: "Thing"
            backup: "Storage"
        """);
  }

  @Test
  void valuesInsideAnnotationsAreNotNames() {
    // Literal values, Annotated metadata (descriptions, keyword names, lambdas) and builtins are
    // not names to import: Python evaluates this class without a NameError.
    CHECKS.checkDiagnostics(
        """
        from typing import Annotated, Literal, Optional
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        def Field(default=None, description=None, validator=None):
            return default

        class Base(DeclarativeBase):
            pass

        class Thing(Base):
            __tablename__ = "thing"
            id: Mapped[int] = mapped_column(primary_key=True)
            kind: Mapped[str] = mapped_column(default="common")

        class Query:
            mode: Literal["common", "vertical move"] = "common"
            limit: Annotated[Optional[int], Field(default=None, description="how many rows")] = None
            hook: Annotated[str, Field(validator=lambda x: x.strip())] = ""
            error: Exception | None = None
            kinds: list[type[BaseException]] | None = None
            check: callable = None
        """);
  }
}
