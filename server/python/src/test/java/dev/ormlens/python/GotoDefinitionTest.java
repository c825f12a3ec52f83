package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

class GotoDefinitionTest {
  private static final String BASE =
      """
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass
      """;

  @Test
  void relationshipStringJumpsToClassInAnotherFile() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Chi$0ld")
            #- shop/child.py
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):
            #     ^^^^^
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void secondaryStringJumpsToTableName() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/models.py
            from sqlalchemy import Column, ForeignKey, Table
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            links = Table(
                "links",
            #    ^^^^^
                Base.metadata,
                Column("a_id", ForeignKey("a.id"), primary_key=True),
                Column("b_id", ForeignKey("b.id"), primary_key=True),
            )

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs: Mapped[list["B"]] = relationship(secondary="li$0nks")

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void resolverFunctionJumpsToTheClassItReturns() {
    CHECKS.checkDefinition(
        """
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass

        def resolve_child():
            from .child import Child
            return Child
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, resolve_child

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children = relationship(resolve_$0child)
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Child(Base):
        #     ^^^^^
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
        """);
  }

  @Test
  void positionsCountUtf16WithJapaneseAndEmoji() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/parent.py
            # 親モデル 😀 コメント
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):  # 親 🎉
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                name = "名前😀"; children = relationship("Chi$0ld")
            #- shop/child.py
            # 子 😀
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):  # 😀
            #     ^^^^^
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }
}
