package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/**
 * ORM201: circular imports that fail, and cycles that do not. Each fixture names the module the
 * application imports first; SQLAlchemy's oracle imports exactly that module.
 */
class CircularImportTest {
  @Test
  void naiveSplitFailsOnItsMutualImports() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .child import Child
        from .association import Association

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
                secondary="association_table", back_populates="parents", viewonly=True
            )
        #- shop/child.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .association import Association
        #    ^^^^^^^^^^^^ error[ORM201]
        from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                secondary="association_table", back_populates="children", viewonly=True
            )
        #- shop/association.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base
        from .child import Child
        #                  ^^^^^ error[ORM201]
        from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
        """);
  }
}
