package dev.ormlens.python.fixes;

import static dev.ormlens.python.fixes.FixChecks.CHECKS;

import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import org.junit.jupiter.api.Test;

class ConvertToLazyResolverTest {
  static final String BEFORE =
      """
      #- shop/__init__.py
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
          __tablename__ = "left_table"

          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship(
              secondary="association_table", back_$0populates="parents"
          )
      #- shop/child.py
      from typing import TYPE_CHECKING

      from sqlalchemy.orm import Mapped, mapped_column, relationship

      from .base import Base

      if TYPE_CHECKING:
          from .parent import Parent


      class Child(Base):
          __tablename__ = "right_table"

          id: Mapped[int] = mapped_column(primary_key=True)
          parents: Mapped[list["Parent"]] = relationship(
              secondary="association_table", back_populates="children"
          )
      #- shop/association.py
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column

      from .base import Base


      class Association(Base):
          __tablename__ = "association_table"

          left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
          right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
      #! entry: shop.parent, shop.child, shop.association
      """;

  @Test
  void oneRelationshipGetsResolversAndTheHelperInTheBaseModule() {
    Fixture fixed =
        CHECKS.checkFix(
            BEFORE,
            "Convert 'children'",
            """
            #- shop/base.py
            from sqlalchemy.orm import DeclarativeBase
            from collections.abc import Callable
            from sqlalchemy import FromClause
            from typing import TYPE_CHECKING

            if TYPE_CHECKING:
                from .child import Child
                from .association import Association


            class Base(DeclarativeBase):
                pass


            def resolve_child() -> type["Child"]:
                from .child import Child

                return Child


            def resolve_association() -> type["Association"]:
                from .association import Association

                return Association


            def from_clause(fn: Callable[[], type[DeclarativeBase]]) -> Callable[[], FromClause]:
                return lambda: fn().__table__
            #- shop/parent.py
            from typing import TYPE_CHECKING

            from sqlalchemy.orm import Mapped, mapped_column, relationship

            from .base import Base, resolve_child, resolve_association, from_clause

            if TYPE_CHECKING:
                from .child import Child


            class Parent(Base):
                __tablename__ = "left_table"

                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(
                    resolve_child, secondary=from_clause(resolve_association), back_populates="parents"
                )
            """);
    SqlalchemyOracle.assertClean(fixed);
  }
}
