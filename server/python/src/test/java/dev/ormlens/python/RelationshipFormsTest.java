package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** SPEC "relationship target", "secondary" and "other strings": every form resolves. */
class RelationshipFormsTest {
  private static final String MODELS =
      """
      #- shop/__init__.py
      #- shop/base.py
      from sqlalchemy import Column, ForeignKey, Table
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass

      links = Table(
          "links",
          Base.metadata,
          Column("parent_id", ForeignKey("parent.id"), primary_key=True),
          Column("child_id", ForeignKey("child.id"), primary_key=True),
      )

      def resolve_child():
          from shop.sub.child import Child
          return Child

      def resolve_link():
          from shop.sub.child import Link
          return Link

      def from_clause(fn):
          return lambda: fn().__table__
      #- shop/sub/__init__.py
      #- shop/sub/child.py
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column
      from shop.base import Base

      class Child(Base):
          __tablename__ = "child"
          id: Mapped[int] = mapped_column(primary_key=True)
          parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))

      class Link(Base):
          __tablename__ = "link"
          parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"), primary_key=True)
          child_id: Mapped[int] = mapped_column(ForeignKey("child.id"), primary_key=True)
      """;

  @Test
  void everyTargetAndSecondaryFormIsClean() {
    CHECKS.checkDiagnostics(
        MODELS
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from shop.base import Base, from_clause, links, resolve_child, resolve_link
            from shop.sub.child import Child, Link

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                by_name = relationship("Child", viewonly=True)
                by_path = relationship("shop.sub.child.Child", viewonly=True)
                by_partial_path = relationship("sub.child.Child", viewonly=True)
                by_class = relationship(Child, viewonly=True)
                by_lambda = relationship(lambda: Child, viewonly=True)
                by_resolver = relationship(resolve_child, viewonly=True)
                by_annotation: Mapped[list["Child"]] = relationship(viewonly=True)
                m2m_string = relationship("Child", secondary="links", viewonly=True)
                m2m_variable = relationship("Child", secondary=links, viewonly=True)
                m2m_table_of = relationship("Child", secondary=Link.__table__, viewonly=True)
                m2m_lambda = relationship("Child", secondary=lambda: links, viewonly=True)
                m2m_from_clause = relationship("Child", secondary=from_clause(resolve_link), viewonly=True)
                joined = relationship(
                    "Child",
                    primaryjoin="and_(Parent.id == foreign(Child.parent_id), Child.id > 0)",
                    order_by="desc(Child.id)",
                    viewonly=True,
                )
            #! entry: shop.base, shop.sub.child, shop.parent
            """);
  }

  @Test
  void partialPathJumpsToClass() {
    CHECKS.checkDefinition(
        MODELS.replace("class Child(Base):\n", "class Child(Base):\n#     ^^^^^\n")
            + """
            #- shop/parent.py
            from sqlalchemy.orm import relationship
            from shop.base import Base

            class Parent(Base):
                __tablename__ = "parent"
                kids = relationship("sub.child.Chi$0ld")
            """);
  }

  @Test
  void fromClauseResolverJumpsToClass() {
    CHECKS.checkDefinition(
        MODELS.replace("class Link(Base):\n", "class Link(Base):\n#     ^^^^\n")
            + """
            #- shop/parent.py
            from sqlalchemy.orm import relationship
            from shop.base import Base, from_clause, resolve_child, resolve_link

            class Parent(Base):
                __tablename__ = "parent"
                kids = relationship(resolve_child, secondary=from_clause(resolve_l$0ink))
            """);
  }

  @Test
  void primaryjoinNamesJumpToTheirClass() {
    CHECKS.checkDefinition(
        MODELS.replace("class Child(Base):\n", "class Child(Base):\n#     ^^^^^\n")
            + """
            #- shop/parent.py
            from sqlalchemy.orm import relationship
            from shop.base import Base

            class Parent(Base):
                __tablename__ = "parent"
                kids = relationship("Child", primaryjoin="Parent.id == Chi$0ld.parent_id")
            """);
  }

  @Test
  void primaryjoinAttributeJumpsToColumn() {
    CHECKS.checkDefinition(
        MODELS.replace(
                "    parent_id: Mapped[int] = mapped_column(ForeignKey(\"parent.id\"))\n",
                "    parent_id: Mapped[int] = mapped_column(ForeignKey(\"parent.id\"))\n#   ^^^^^^^^^\n")
            + """
            #- shop/parent.py
            from sqlalchemy.orm import relationship
            from shop.base import Base

            class Parent(Base):
                __tablename__ = "parent"
                kids = relationship("Child", foreign_keys="[Child.pare$0nt_id]")
            """);
  }

  @Test
  void unknownClassInPrimaryjoinIsReported() {
    CHECKS.checkDiagnostics(
        MODELS
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from shop.base import Base

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                kids = relationship("Child", primaryjoin="and_(Parnt.id == Child.parent_id)")
            #                                                  ^^^^^ error[ORM101]: no mapped class or table named 'Parnt' in primaryjoin=
            #! entry: shop.base, shop.sub.child, shop.parent
            """);
  }

  @Test
  void backPopulatesJumpsToTheOtherSide() {
    CHECKS.checkDefinition(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            kids: Mapped[list["Child"]] = relationship(back_populates="par$0ent")

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="kids")
        #   ^^^^^^
        """);
  }

  @Test
  void foreignKeyColumnJumpsToColumn() {
    CHECKS.checkDefinition(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

        class Base(DeclarativeBase):
            pass

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
        #   ^^

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.i$0d"))
        """);
  }
}
