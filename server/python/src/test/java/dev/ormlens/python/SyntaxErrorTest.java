package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** ORM001: a module that does not parse; SQLAlchemy never gets past the import (SyntaxError). */
class SyntaxErrorTest {
  // Found by bench/differential.py: the parser drops the broken statement, and the other side's
  // back_populates then seemed to name a missing relationship (a cascading ORM103). A class with
  // a syntax error inside is incomplete, so only the syntax error is reported.
  @Test
  void aBrokenClassBodyReportsOnlyTheSyntaxError() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(back_populates="parent"))
        #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[ORM001]: syntax error

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="kids")
        """);
  }
}
