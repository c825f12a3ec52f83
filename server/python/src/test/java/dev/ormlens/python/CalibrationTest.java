package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** Each rule's branches against what SQLAlchemy 2.0 and 2.1 really do (SPEC behaviours). */
class CalibrationTest {
  private static final String HEAD =
      """
      from sqlalchemy import Column, ForeignKey, Table
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

      class Base(DeclarativeBase):
          pass
      """;

  @Test
  void backPopulatesNamingAColumnIsAnError() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids: Mapped[list["Child"]] = relationship(back_populates="parent_id")
            #                                                             ^^^^^^^^^^^ error[ORM103]: back_populates names 'Child.parent_id', which is not a relationship

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void backrefClashingWithAnAttributeIsAnError() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids = relationship("Child", backref="parent_id")
            #                                        ^^^^^^^^^^^ error[ORM103]: backref 'parent_id' clashes with the existing attribute 'Child.parent_id'

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void backPopulatesCrossedToAnotherClassIsAnError() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids: Mapped[list["Child"]] = relationship(back_populates="toy")
            #                                                             ^^^^^ error[ORM104]: 'Child.toy' is a relationship to 'Toy', not to 'Parent'

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                toy_id: Mapped[int] = mapped_column(ForeignKey("toy.id"))
                toy: Mapped["Toy"] = relationship(back_populates="children")

            class Toy(Base):
                __tablename__ = "toy"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(back_populates="toy")
            """);
  }

  @Test
  void secondaryNamingTheClassIsAnArgumentError() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Link(Base):
                __tablename__ = "link"
                a_id: Mapped[int] = mapped_column(ForeignKey("a.id"), primary_key=True)
                b_id: Mapped[int] = mapped_column(ForeignKey("b.id"), primary_key=True)

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs: Mapped[list["B"]] = relationship(secondary=Link)
            #                                                  ^^^^ error[ORM102]: secondary= names the mapped class 'Link', not a table

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void duplicateClassNamesFailOnlyWhereAStringIsUnqualified() {
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        #- app/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- app/shop/__init__.py
        #- app/shop/item.py
        from sqlalchemy.orm import Mapped, mapped_column
        from app.base import Base

        class Item(Base):
            __tablename__ = "shop_item"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- app/blog/__init__.py
        #- app/blog/item.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from app.base import Base

        class Item(Base):
            __tablename__ = "blog_item"
            id: Mapped[int] = mapped_column(primary_key=True)
            shop_id: Mapped[int] = mapped_column(ForeignKey("shop_item.id"))
            shop_item = relationship("shop.item.Item")
            again = relationship("Item", viewonly=True, primaryjoin="false()")
        #                        ^^^^^^ error[ORM106]: several mapped classes are named 'Item'
        #! entry: app.shop.item, app.blog.item
        """);
  }

  @Test
  void duplicateClassNamesWithQualifiedStringsAreClean() {
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        #- app/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- app/shop/__init__.py
        #- app/shop/item.py
        from sqlalchemy.orm import Mapped, mapped_column
        from app.base import Base

        class Item(Base):
            __tablename__ = "shop_item"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- app/blog/__init__.py
        #- app/blog/item.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from app.base import Base

        class Item(Base):
            __tablename__ = "blog_item"
            id: Mapped[int] = mapped_column(primary_key=True)
            shop_id: Mapped[int] = mapped_column(ForeignKey("shop_item.id"))
            shop_item = relationship("app.shop.item.Item")
        #! entry: app.shop.item, app.blog.item
        """);
  }

  @Test
  void lowerCaseTargetMatchingAModuleFails() {
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        #- app/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- app/offer.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from app.base import Base

        class Offer(Base):
            __tablename__ = "offers"
            id: Mapped[int] = mapped_column(primary_key=True)
            shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))

        class Shop(Base):
            __tablename__ = "shop"
            id: Mapped[int] = mapped_column(primary_key=True)
            offers = relationship("offer")
        #                         ^^^^^^^ error[ORM101]: no mapped class named 'offer', but 'offer' is a module name
        #! entry: app.offer
        """);
  }

  @Test
  void annotationDisagreeingWithTargetWarns() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids: Mapped[list["Toy"]] = relationship("Child")
            #                      ^^^ warning[ORM107]: the annotation says 'Toy' but relationship() targets 'Child'

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))

            class Toy(Base):
                __tablename__ = "toy"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void duplicateTableInOneMetadataFailsAtImport() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            links = Table("links", Base.metadata, Column("a_id", ForeignKey("a.id")))
            #              ^^^^^ error[ORM302]: table 'links' is defined 2 times in one MetaData
            again = Table("links", Base.metadata, Column("b_id", ForeignKey("a.id")))
            #              ^^^^^ error[ORM302]: table 'links' is defined 2 times in one MetaData

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void associationTableWithoutKeyToOneSideFails() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            links = Table("links", Base.metadata, Column("a_id", ForeignKey("a.id"), primary_key=True))

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs: Mapped[list["B"]] = relationship(secondary=links)
            #                                                  ^^^^^ error[ORM303]: association table 'links' has no foreign key to 'b'

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void unknownForeignKeyTableARelationshipReliesOnFails() {
    CHECKS.checkDiagnostics(
        HEAD
            + """
            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids: Mapped[list["Child"]] = relationship()

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parents.id"))
            #                                                     ^^^^^^^^^^^^ error[ORM105]: no table named 'parents' in this metadata
            """);
  }
}
