package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** SPEC "mapping styles": each is understood (resolution) and clean code stays clean. */
class MappingStylesTest {
  @Test
  void declarativeBaseWithMappedColumn() {
    CHECKS.checkDefinition(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Chi$0ld"]] = relationship()

        class Child(Base):
        #     ^^^^^
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
        """);
  }

  @Test
  void declarativeBaseFunctionWithColumn() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer
        from sqlalchemy.orm import declarative_base, relationship

        Base = declarative_base()

        class Parent(Base):
            __tablename__ = "parent"
            id = Column(Integer, primary_key=True)
            kids = relationship("Child", back_populates="parent")

        class Child(Base):
            __tablename__ = "child"
            id = Column(Integer, primary_key=True)
            parent_id = Column(ForeignKey("parent.id"))
            parent = relationship("Parent", back_populates="kids")
            toy = relationship("Toy")
        #                      ^^^^^ error[ORM101]: no mapped class named 'Toy'
        """);
  }

  @Test
  void registryMappedDecoratorAndGenerateBase() {
    CHECKS.checkDiagnostics(
        """
        #- shop/base.py
        from sqlalchemy.orm import registry

        reg = registry()
        Base = reg.generate_base()
        metadata = reg.metadata
        #- shop/models.py
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, metadata, reg

        links = Table(
            "links",
            metadata,
            Column("parent_id", ForeignKey("parent.id"), primary_key=True),
            Column("tag_id", ForeignKey("tag.id"), primary_key=True),
        )

        @reg.mapped
        class Parent:
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            tags: Mapped[list["Tag"]] = relationship(secondary="links")
            kids: Mapped[list["Child"]] = relationship(back_populates="parent")

        class Tag(Base):
            __tablename__ = "tag"
            id = Column(Integer, primary_key=True)

        class Child(Base):
            __tablename__ = "child"
            id = Column(Integer, primary_key=True)
            parent_id = Column(ForeignKey("parent.id"))
            parent = relationship("Parent", back_populates="kids")
            other_id = Column(ForeignKey("nowhere.id"))
        #                                ^^^^^^^^^^^^ error[ORM105]: no table named 'nowhere'
        #! entry: shop.models
        """);
  }

  @Test
  void mapImperativelyWithProperties() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import registry, relationship

        reg = registry()

        parent_table = Table("parent", reg.metadata, Column("id", Integer, primary_key=True))
        child_table = Table(
            "child",
            reg.metadata,
            Column("id", Integer, primary_key=True),
            Column("parent_id", ForeignKey("parent.id")),
        )

        class Parent:
            pass

        class Child:
            pass

        reg.map_imperatively(
            Parent,
            parent_table,
            properties={"kids": relationship(Child, back_populates="parent")},
        )
        reg.map_imperatively(
            Child,
            child_table,
            properties={"parent": relationship("Parent", back_populates="kidz")},
        #                                                               ^^^^^^ error[ORM103]: 'Parent' has no relationship 'kidz'
        )
        """);
  }

  @Test
  void imperativePropertyStringJumpsToClass() {
    CHECKS.checkDefinition(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import registry, relationship

        reg = registry()
        parent_table = Table("parent", reg.metadata, Column("id", Integer, primary_key=True))

        class Parent:
        #     ^^^^^^
            pass

        class Child:
            pass

        reg.map_imperatively(Parent, parent_table)
        reg.map_imperatively(Child, Table("child", reg.metadata, Column("id", Integer, primary_key=True), Column("p", ForeignKey("parent.id"))), properties={"parent": relationship("Par$0ent")})
        """);
  }

  @Test
  void mixinsAbstractAndDeclaredAttr() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class HasOwner:
            owner_id: Mapped[int] = mapped_column(ForeignKey("owner.id"))

            @declared_attr
            def owner(cls) -> Mapped["Owner"]:
                return relationship("Owner")

        class Timestamped(Base):
            __abstract__ = True
            id: Mapped[int] = mapped_column(primary_key=True)

        class Owner(Timestamped):
            __tablename__ = "owner"
            cars: Mapped[list["Car"]] = relationship(back_populates="owner")
        #                                                           ^^^^^^^ warning[ORM104]: one-sided back_populates: 'Car.owner' has no back_populates="cars"

        class Car(HasOwner, Timestamped):
            __tablename__ = "car"

        class Boat(HasOwner, Timestamped):
            __tablename__ = "boat"
            captain: Mapped["Ownr"] = relationship()
        #                    ^^^^ error[ORM101]: no mapped class named 'Ownr'
        """);
  }

  @Test
  void declaredAttrTablenameMakesNamesUncheckable() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

        class Base(DeclarativeBase):
            @declared_attr.directive
            def __tablename__(cls) -> str:
                return cls.__name__.lower()

        class Parent(Base):
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(back_populates="parent")

        class Child(Base):
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="kids")
        """);
  }

  @Test
  void tableObjectAsDunderTable() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import DeclarativeBase, relationship

        class Base(DeclarativeBase):
            pass

        parent_table = Table("parent", Base.metadata, Column("id", Integer, primary_key=True))

        class Parent(Base):
            __table__ = parent_table
            kids = relationship("Child", back_populates="parent")

        class Child(Base):
            __table__ = Table(
                "child",
                Base.metadata,
                Column("id", Integer, primary_key=True),
                Column("parent_id", ForeignKey("parent.id")),
                Column("x_id", ForeignKey("parent.idd")),
        #                                 ^^^^^^^^^^^^ error[ORM105]: table 'parent' has no column 'idd'
            )
            parent = relationship("Parent", back_populates="kids", foreign_keys="Child.parent_id")
        """);
  }

  @Test
  void tableArgsSchemaKeysTheTable() {
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table, UniqueConstraint
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        tags = Table(
            "tags",
            Base.metadata,
            Column("parent_id", ForeignKey("shop.parent.id"), primary_key=True),
            Column("child_id", ForeignKey("shop.child.id"), primary_key=True),
            schema="shop",
        )

        class Parent(Base):
            __tablename__ = "parent"
            __table_args__ = {"schema": "shop"}
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(secondary="shop.tags")

        class Child(Base):
            __tablename__ = "child"
            __table_args__ = (UniqueConstraint("id"), {"schema": "shop"})
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
        #                                                     ^^^^^^^^^^^ error[ORM105]: no table named 'parent'
        """);
  }
}
