package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/**
 * With no entry-modules configured, ORM Lens infers how the application starts ({@code #!
 * infer-entries}: the analysis is told nothing; SQLAlchemy runs the application from the {@code #!
 * entry:} modules). An inferred entry that imports every model, even inside an app factory, leaves
 * nothing to report; without one, an import failure is latent: a warning that SQLAlchemy confirms
 * when it is run from the first import the warning names.
 */
class EntryPointsTest {
  private static final String MODELS =
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
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship("Child", back_populates="parent")
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
          parent: Mapped["Parent"] = relationship("Parent", back_populates="children")
      """;

  @Test
  void anAppFactoryInATopLevelAppModuleImportsEveryModel() {
    CHECKS.checkDiagnostics(
        """
        #! infer-entries
        #! entry: app
        #- app.py
        # アプリの工場関数: 起動時にすべてのモデルを読み込む 🏭
        def create_app():
            from shop import child, parent
            from sqlalchemy.orm import configure_mappers

            configure_mappers()
            return "app"

        app = create_app()
        """
            + MODELS);
  }

  /**
   * indico's app factory calls {@code import_all_models()}, which imports every module of its
   * models folders by computed name: what it imports cannot be read, so nothing is claimed.
   */
  @Test
  void anEntryThatImportsModulesByComputedNameLeavesNothingToClaim() {
    CHECKS.checkDiagnostics(
        """
        #! infer-entries
        #! entry: app
        #- app.py
        # 動的 import: モデルを名前で読み込む 🔍
        from importlib import import_module

        def import_all_models():
            for name in ("child", "parent"):
                import_module(f"shop.{name}")

        def create_app():
            from sqlalchemy.orm import configure_mappers

            import_all_models()
            configure_mappers()
            return "app"

        app = create_app()
        """
            + MODELS);
  }

  @Test
  void aMainModuleThatImportsThePackageModelsIsAnEntry() {
    CHECKS.checkDiagnostics(
        """
        #! infer-entries
        #! entry: shop.__main__
        #- shop/__main__.py
        from shop import child, parent
        """
            + MODELS);
  }

  @Test
  void withNoEntryToFindTheFailureIsLatent() {
    CHECKS.checkDiagnostics(
        (MODELS
                + """
        #! infer-entries
        #! entry: shop.parent
        """)
            .replace(
                """
                    children: Mapped[list["Child"]] = relationship("Child", back_populates="parent")
                """,
                """
                    children: Mapped[list["Child"]] = relationship("Child", back_populates="parent")
                #                                                  ^^^^^^^ warning[ORM202]: latent: class 'Child' (shop.child) is never imported at run time by shop.parent
                """)
            .replace(
                """
                    parent: Mapped["Parent"] = relationship("Parent", back_populates="children")
                """,
                """
                    parent: Mapped["Parent"] = relationship("Parent", back_populates="children")
                #                                           ^^^^^^^^ warning[ORM202]: latent: class 'Parent' (shop.parent) is never imported at run time by shop.child
                """));
  }
}
