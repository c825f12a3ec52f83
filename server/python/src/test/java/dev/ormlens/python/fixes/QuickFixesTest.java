package dev.ormlens.python.fixes;

import static dev.ormlens.python.fixes.FixChecks.CHECKS;

import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import org.junit.jupiter.api.Test;

/** One test per quick-fix: the edit, and what SQLAlchemy does before and after it. */
class QuickFixesTest {
  private static final String HEAD =
      """
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


      class Base(DeclarativeBase):
          pass

      """;

  @Test
  void didYouMeanReplacesAnUnknownClassString() {
    String before =
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids = relationship("Chl$0d")


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """;
    SqlalchemyOracle.assertFailsWith(Fixture.parse(before), "failed to locate a name");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Change 'Chld' to 'Child'",
            Fixture.parse(before).files().get(0).text().replace("\"Chld\"", "\"Child\""));
    SqlalchemyOracle.assertClean(fixed);
  }

  @Test
  void didYouMeanFixesTheColumnOfAForeignKey() {
    String before =
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids = relationship("Child")


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.$0idd"))
            """;
    SqlalchemyOracle.assertFailsWith(Fixture.parse(before), "NoReferencedColumn|NoForeignKeys");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Change 'idd' to 'id'",
            Fixture.parse(before).files().get(0).text().replace("parent.idd", "parent.id"));
    SqlalchemyOracle.assertClean(fixed);
  }

  @Test
  void missingReciprocalIsCreatedOnTheTargetClass() {
    String before =
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(back_populates="pa$0rent")


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """;
    SqlalchemyOracle.assertFailsWith(Fixture.parse(before), "has no property 'parent'");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Create 'Child.parent'",
            Fixture.parse(before).files().get(0).text()
                + "    parent: Mapped[\"Parent\"] = relationship(back_populates=\"children\")\n");
    SqlalchemyOracle.assertClean(fixed);
  }

  @Test
  void oneSidedBackPopulatesGetsItsMirror() {
    String before =
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(back_populates="pa$0rent")


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent: Mapped["Parent"] = relationship()
            """;
    CHECKS.checkFix(
        before,
        "Add back_populates=\"children\"",
        Fixture.parse(before)
            .files()
            .get(0)
            .text()
            .replace("relationship()", "relationship(back_populates=\"children\")"));
  }

  @Test
  void overlapsNamesWhatSqlalchemyAsksFor() {
    String before =
        HEAD
            + """
            class Left(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                rights: Mapped[list["Right"]] = relationship(
                    secondary="association_table", back_populates="lefts"
                )


            class Right(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                lefts: Mapped[list["Left"]] = relationship(
                    secondary="association_table", back_populates="rights"
                )


            class Association(Base):
                __tablename__ = "association_table"
                left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
                right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
                right: Mapped["Right"] = relat$0ionship()
            """;
    SqlalchemyOracle.assertFailsWith(
        Fixture.parse(before), "add the parameter 'overlaps=\\\\\\\\?\"lefts,rights");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Add overlaps=\"lefts,rights\"",
            Fixture.parse(before)
                .files()
                .get(0)
                .text()
                .replace("relationship()", "relationship(overlaps=\"lefts,rights\")"));
    SqlalchemyOracle.assertClean(fixed);
    CHECKS.checkFix(
        before,
        "viewonly",
        Fixture.parse(before)
            .files()
            .get(0)
            .text()
            .replace("relationship()", "relationship(viewonly=True)"));
  }

  @Test
  void annotationNameGetsATypeCheckingImport() {
    CHECKS.checkFix(
        """
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase


        class Base(DeclarativeBase):
            pass
        #- shop/child.py
        from sqlalchemy.orm import Mapped, mapped_column

        from .base import Base


        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base


        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Chi$0ld"]] = relationship()
        """,
        "Import 'Child' from shop.child under TYPE_CHECKING",
        """
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from .child import Child


        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship()
        """);
  }
}
