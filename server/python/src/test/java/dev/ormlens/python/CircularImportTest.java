package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/**
 * ORM201: circular imports that fail, and cycles that do not. Each fixture names the module the
 * application imports first (the outcome depends on it); SQLAlchemy's oracle imports exactly that
 * module, and fails with the ImportError exactly when a diagnostic is expected.
 */
class CircularImportTest {
  /** The article's problem 1: parent -> child -> association -> child, Child not defined yet. */
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
        # 親モデル: 型注釈のために他のモデルを実行時に import している 🔁
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .child import Child
        from .association import Association

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(secondary="association_table", viewonly=True)
        #- shop/child.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .association import Association
        #    ^^^^^^^^^^^^ error[ORM201]: circular import: this import runs shop.association while shop.child is half initialised, and shop.association imports 'Child' back before line 6
        from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(secondary="association_table", viewonly=True)
        #- shop/association.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base
        from .child import Child
        #                  ^^^^^ error[ORM201]: circular import: ImportError: cannot import name 'Child' from partially initialized module 'shop.child' when entry module shop.parent is imported.
        from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
        """);
  }

  /** `import shop.child` binds the module; its attributes are read only when functions run. */
  @Test
  void moduleImportUsedAtCallTimeIsHarmless() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/parent.py
        import shop.child
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop.base import Base

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["shop.child.Child"]] = relationship(back_populates="parent")

        def new_child() -> "shop.child.Child":
            return shop.child.Child()
        #- shop/child.py
        import shop.parent
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop.base import Base

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["shop.parent.Parent"] = relationship(back_populates="children")

        def parent_of(child: Child) -> "shop.parent.Parent":
            return shop.parent.Parent(children=[child])
        """);
  }

  /** Parent is defined before parent.py imports child.py, so child.py finds it. */
  @Test
  void nameDefinedBeforeTheImportIsHarmless() {
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

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(back_populates="parent")

        # Imported after Parent is defined, so child.py finds Parent when it imports it back.
        from .child import Child
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .parent import Parent

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey(Parent.id))
            parent: Mapped[Parent] = relationship(back_populates="children")
        """);
  }

  /** The same modules, imported from the other end: parent.py now imports Child too early. */
  @Test
  void sameCodeFailsWhenTheOtherModuleIsImportedFirst() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.child
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
            children: Mapped[list["Child"]] = relationship(back_populates="parent")

        # Imported after Parent is defined, so child.py finds Parent when it imports it back.
        from .child import Child
        #                  ^^^^^ error[ORM201]: circular import: ImportError: cannot import name 'Child' from partially initialized module 'shop.child' when entry module shop.child is imported.
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        from .parent import Parent
        #    ^^^^^^^ error[ORM201]: circular import: this import runs shop.parent while shop.child is half initialised, and shop.parent imports 'Child' back before line 6 defines it:

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey(Parent.id))
            parent: Mapped[Parent] = relationship(back_populates="children")
        """);
  }

  /** `from shop import child` falls back to the half-initialised submodule in sys.modules. */
  @Test
  void fromPackageImportSubmoduleIsHarmless() {
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
        from shop import child
        from .base import Base

        class Parent(Base):
            __tablename__ = "parent_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["child.Child"]] = relationship(back_populates="parent")
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop import parent
        from .base import Base

        class Child(Base):
            __tablename__ = "child_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent_table.id"))
            parent: Mapped["parent.Parent"] = relationship(back_populates="children")
        """);
  }

  /**
   * Importing shop.parent runs shop/__init__.py first, which imports shop.parent before defining
   * Base.
   */
  @Test
  void packageInitImportedFirstIsHalfInitialised() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        from sqlalchemy.orm import DeclarativeBase
        from .parent import Parent
        #    ^^^^^^^ error[ORM201]: circular import: this import runs shop.parent while shop is half initialised, and shop.parent imports 'Base' back before line 4 defines it:

        class Base(DeclarativeBase):
            pass
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column
        from shop import Base
        #                ^^^^ error[ORM201]: circular import: ImportError: cannot import name 'Base' from partially initialized module 'shop' when entry module shop.parent is imported. shop is

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }

  /** The same package with Base defined before __init__.py imports the model. */
  @Test
  void packageInitDefiningFirstIsHarmless() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass

        from .parent import Parent
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column
        from shop import Base

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }
}
