package dev.ormlens.python.fixes;

import static dev.ormlens.python.fixes.FixChecks.CHECKS;

import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import org.junit.jupiter.api.Test;

/** The import fixes: TYPE_CHECKING both ways, and the package importing its model modules. */
class ImportFixesTest {
  private static final String MODELS =
      """
      #- shop/__init__.py
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase


      class Base(DeclarativeBase):
          pass
      #- shop/parent.py
      from sqlalchemy.orm import Mapped, mapped_column, relationship

      from .base import Base
      from .child import (
          Child,
          helper,
      )


      class Parent(Base):
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          rank: Mapped[int] = mapped_column(default=helper)
          children: Mapped[list["Child"]] = relationship(back_populates="parent")
      #- shop/child.py
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column, relationship

      from .base import Base
      from .parent import Parent  # 親 ✨


      def helper() -> int:
          return 1


      class Child(Base):
          __tablename__ = "child"
          id: Mapped[int] = mapped_column(primary_key=True)
          parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
          parent: Mapped["Parent"] = relationship(back_populates="children")
      """;

  @Test
  void annotationOnlyImportMovesUnderTypeCheckingAndBreaksTheCycle() {
    String before =
        MODELS.replace("from .parent import Parent  #", "from .parent import Par$0ent  #");
    SqlalchemyOracle.assertFailsWith(
        entry(Fixture.parse(before), "shop.parent"), "ImportError|circular");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Move import of 'Parent' under TYPE_CHECKING",
            """
            #- shop/child.py
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column, relationship

            from .base import Base
            from typing import TYPE_CHECKING

            if TYPE_CHECKING:
                from .parent import Parent  # 親 ✨


            def helper() -> int:
                return 1


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent: Mapped["Parent"] = relationship(back_populates="children")
            """);
    SqlalchemyOracle.assertClean(entry(fixed, "shop.parent"));
  }

  @Test
  void partOfAParenthesisedImportMovesAndTheRestStays() {
    String before = MODELS.replace("    Child,\n", "    Chi$0ld,\n");
    CHECKS.checkFix(
        before,
        "Move import of 'Child' under TYPE_CHECKING",
        """
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base
        from .child import (
            helper,
        )
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from .child import Child


        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            rank: Mapped[int] = mapped_column(default=helper)
            children: Mapped[list["Child"]] = relationship(back_populates="parent")
        """);
  }

  @Test
  void crlfFilesKeepTheirLineEndings() {
    String before =
        MODELS.replace("from .parent import Parent  #", "from .parent import Par$0ent  #");
    CHECKS.checkFix(
        before,
        "Move import of 'Parent' under TYPE_CHECKING",
        """
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from .parent import Parent  # 親 ✨


        def helper() -> int:
            return 1


        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="children")
        """,
        "\r\n");
  }

  @Test
  void aTypeCheckingNameUsedAtRunTimeIsImportedAtRunTime() {
    String before =
        """
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase


        class Base(DeclarativeBase):
            pass
        #- shop/child.py
        from typing import TYPE_CHECKING

        from sqlalchemy.orm import Mapped, mapped_column

        if TYPE_CHECKING:
            from .base import Base


        class Child(Ba$0se):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
        """;
    SqlalchemyOracle.assertFailsWith(Fixture.parse(before), "NameError");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Import 'Base' at run time",
            """
            #- shop/child.py
            from typing import TYPE_CHECKING

            from sqlalchemy.orm import Mapped, mapped_column

            from .base import Base


            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
    SqlalchemyOracle.assertClean(fixed);
  }

  @Test
  void packageImportsEveryModelModule() {
    String before =
        """
        #- shop/__init__.py
        \"\"\"The shop.\"\"\"
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
            children: Mapped[list["Child"]] = relati$0onship(back_populates="parent")
        #- shop/child.py
        from typing import TYPE_CHECKING

        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship

        from .base import Base

        if TYPE_CHECKING:
            from .parent import Parent


        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="children")
        #! entry: shop.parent
        """;
    SqlalchemyOracle.assertFailsWith(Fixture.parse(before), "failed to locate a name");
    Fixture fixed =
        CHECKS.checkFix(
            before,
            "Import every model module",
            """
            #- shop/__init__.py
            \"\"\"The shop.\"\"\"
            from . import child, parent
            """);
    SqlalchemyOracle.assertClean(fixed);
  }

  private static Fixture entry(Fixture f, String module) {
    return new Fixture(f.files(), f.cursor(), f.marks(), java.util.List.of(module));
  }
}
