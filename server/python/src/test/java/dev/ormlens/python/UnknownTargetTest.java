package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

class UnknownTargetTest {
  @Test
  void unknownTargetSaysWhatSqlalchemyWouldSay() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids = relationship("Chld")
        #                       ^^^^^^ error[ORM101]: no mapped class named 'Chld'

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
        """);
  }

  /**
   * A name no mapped class has falls back to sqlalchemy's own namespace: indico's User names
   * 'Identity', its own model, and without it SQLAlchemy takes sqlalchemy.Identity.
   */
  @Test
  void aMissingTargetNamedLikeASqlalchemyClassIsUnmapped() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class User(Base):
            __tablename__ = "users"
            id: Mapped[int] = mapped_column(primary_key=True)
            # ログイン手段 🔑
            identities = relationship("Identity")
        #                             ^^^^^^^^^^ error[ORM101]: no mapped class named 'Identity': SQLAlchemy raises UnmappedClassError when configuring Mapper[User(users)] (with no mapped class 'Identity', the name falls back to sqlalchemy's own Identity, which is not mapped).
        """);
  }

  @Test
  void knownTargetIsClean() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(back_populates="parent")

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="kids")
        """);
  }
}
