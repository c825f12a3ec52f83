package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import dev.ormlens.testkit.Fixture;
import org.junit.jupiter.api.Test;

/**
 * ORM202: classes and tables named by strings, annotations and resolvers must have been imported
 * when mappers are configured. The fixtures follow the article: TYPE_CHECKING imports with string
 * targets, then lazy resolvers, each with an empty {@code __init__.py} and with one that imports
 * every model module. Every relationship carries {@code overlaps=} so that SQLAlchemy's separate
 * overlap warning (the article's latent qzyx) stays out of these cases.
 */
class NeverImportedTest {
  private static final String RESOLVER_SPLIT_IMPORTING_ONE_MODULE =
      """
      #! entry: shop.parent
      #- shop/__init__.py
      #- shop/base.py
      # 遅延リゾルバ: 関数を呼んだ時に初めて import する 💤
      from typing import Callable, Type

      from sqlalchemy import FromClause
      from sqlalchemy.orm import DeclarativeBase


      class Base(DeclarativeBase):
          pass


      def from_clause(fn: Callable[[], Type[DeclarativeBase]]) -> Callable[[], FromClause]:
          return lambda: fn().__table__


      def resolve_association_table():
          from .association import Association
          return Association


      def resolve_parent_table():
          from .parent import Parent
          return Parent


      def resolve_child_table():
          from .child import Child
          return Child
      #- shop/parent.py
      from typing import TYPE_CHECKING
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base, resolve_association_table, from_clause, resolve_child_table

      if TYPE_CHECKING:
          from .association import Association
          from .child import Child

      class Parent(Base):
          __tablename__ = "left_table"
          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship(
              resolve_child_table,  # 参照先クラスを返す関数を渡す
      #       ^^^^^^^^^^^^^^^^^^^ error[ORM202]: class 'Child' (shop.child) is never imported at run time by entry module shop.parent: only the resolver imports it, during configure_mappers(), so
              secondary=from_clause(resolve_association_table), back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
      #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[ORM202]: table 'association_table' (shop.association) is never imported at run time by entry module shop.parent: only the resolver imports it, during
          )
          child_associations: Mapped[list["Association"]] = relationship(
              resolve_association_table, back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^ error[ORM202]: class 'Association' (shop.association) is never imported at run time by entry module shop.parent: only the resolver imports it, during
          )
      #- shop/child.py
      from typing import TYPE_CHECKING
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base, resolve_parent_table, from_clause, resolve_association_table

      if TYPE_CHECKING:
          from .association import Association
          from .parent import Parent

      class Child(Base):
          __tablename__ = "right_table"
          id: Mapped[int] = mapped_column(primary_key=True)
          parents: Mapped[list["Parent"]] = relationship(
              resolve_parent_table,
              secondary=from_clause(resolve_association_table), back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
      #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[ORM202]: table 'association_table' (shop.association) is never imported at run time by shop.child or entry module shop.parent: only the resolver imports it,
          )
          parent_associations: Mapped[list["Association"]] = relationship(
              resolve_association_table, back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^ error[ORM202]: class 'Association' (shop.association) is never imported at run time by shop.child or entry module shop.parent: only the resolver imports it, during
          )
      #- shop/association.py
      from typing import TYPE_CHECKING, Optional
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base, resolve_parent_table, resolve_child_table

      if TYPE_CHECKING:
          from .child import Child
          from .parent import Parent

      class Association(Base):
          __tablename__ = "association_table"
          left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
          right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
          extra_data: Mapped[Optional[str]]
          child: Mapped["Child"] = relationship(resolve_child_table, back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
      #                                         ^^^^^^^^^^^^^^^^^^^ error[ORM202]: class 'Child' (shop.child) is never imported at run time by shop.association or entry module shop.parent: only the resolver imports it, during
          parent: Mapped["Parent"] = relationship(resolve_parent_table, back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
      """;

  /** The article's problem 2: only shop.parent is imported, so 'association_table' is unknown. */
  @Test
  void typeCheckingSplitImportingOneModuleFailsToLocateNames() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
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
            from .association import Association
            from .child import Child

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
        #                          ^^^^^ error[ORM202]: class 'Child' (shop.child) is never imported at run time by entry module shop.parent (it is imported only under TYPE_CHECKING), so it is not
                secondary="association_table", back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
        #                 ^^^^^^^^^^^^^^^^^^^ error[ORM202]: table 'association_table' (shop.association) is never imported at run time by entry module shop.parent (it is imported only under TYPE_CHECKING), so
            )
            child_associations: Mapped[list["Association"]] = relationship(
        #                                    ^^^^^^^^^^^ error[ORM202]: class 'Association' (shop.association) is never imported at run time by entry module shop.parent (it is imported only under TYPE_CHECKING), so it is
                back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/child.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                secondary="association_table", back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
        #                 ^^^^^^^^^^^^^^^^^^^ error[ORM202]: table 'association_table' (shop.association) is never imported at run time by shop.child or entry module shop.parent (it is imported only under
            )
            parent_associations: Mapped[list["Association"]] = relationship(
        #                                     ^^^^^^^^^^^ error[ORM202]: class 'Association' (shop.association) is never imported at run time by shop.child or entry module shop.parent (it is imported only under
                back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/association.py
        from typing import TYPE_CHECKING, Optional
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .child import Child
            from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
            extra_data: Mapped[Optional[str]]
            child: Mapped["Child"] = relationship(back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        #                  ^^^^^ error[ORM202]: class 'Child' (shop.child) is never imported at run time by shop.association or entry module shop.parent (it is imported only under TYPE_CHECKING),
            parent: Mapped["Parent"] = relationship(back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        """);
  }

  @Test
  void typeCheckingSplitImportingEveryModuleIsClean() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent, shop.child, shop.association
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
            from .association import Association
            from .child import Child

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
                secondary="association_table", back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            child_associations: Mapped[list["Association"]] = relationship(
                back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/child.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                secondary="association_table", back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            parent_associations: Mapped[list["Association"]] = relationship(
                back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/association.py
        from typing import TYPE_CHECKING, Optional
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .child import Child
            from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
            extra_data: Mapped[Optional[str]]
            child: Mapped["Child"] = relationship(back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
            parent: Mapped["Parent"] = relationship(back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        """);
  }

  /** Importing shop.parent runs shop/__init__.py first, which imports every model module. */
  @Test
  void typeCheckingSplitWithPackageImportingEveryModuleIsClean() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        from . import association, child, parent
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/parent.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .child import Child

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
                secondary="association_table", back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            child_associations: Mapped[list["Association"]] = relationship(
                back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/child.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                secondary="association_table", back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            parent_associations: Mapped[list["Association"]] = relationship(
                back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/association.py
        from typing import TYPE_CHECKING, Optional
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .child import Child
            from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
            extra_data: Mapped[Optional[str]]
            child: Mapped["Child"] = relationship(back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
            parent: Mapped["Parent"] = relationship(back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        """);
  }

  /** The article's final code with an empty __init__.py: the _append_token failure. */
  @Test
  void resolversReachingModulesDuringConfigurationFailOnFirstUse() {
    CHECKS.checkDiagnostics(RESOLVER_SPLIT_IMPORTING_ONE_MODULE);
  }

  /** Offsets stay right with CRLF line ends, Japanese comments and emoji. */
  @Test
  void resolverSplitWithCrlfLineEnds() {
    CHECKS.checkDiagnostics(Fixture.parse(RESOLVER_SPLIT_IMPORTING_ONE_MODULE, "\r\n"));
  }

  @Test
  void resolversWithPackageImportingEveryModuleAreClean() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.parent
        #- shop/__init__.py
        from . import association, child, parent
        #- shop/base.py
        # 遅延リゾルバ: 関数を呼んだ時に初めて import する 💤
        from typing import Callable, Type

        from sqlalchemy import FromClause
        from sqlalchemy.orm import DeclarativeBase


        class Base(DeclarativeBase):
            pass


        def from_clause(fn: Callable[[], Type[DeclarativeBase]]) -> Callable[[], FromClause]:
            return lambda: fn().__table__


        def resolve_association_table():
            from .association import Association
            return Association


        def resolve_parent_table():
            from .parent import Parent
            return Parent


        def resolve_child_table():
            from .child import Child
            return Child
        #- shop/parent.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, resolve_association_table, from_clause, resolve_child_table

        if TYPE_CHECKING:
            from .association import Association
            from .child import Child

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
                resolve_child_table,  # 参照先クラスを返す関数を渡す
                secondary=from_clause(resolve_association_table), back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            child_associations: Mapped[list["Association"]] = relationship(
                resolve_association_table, back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/child.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, resolve_parent_table, from_clause, resolve_association_table

        if TYPE_CHECKING:
            from .association import Association
            from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                resolve_parent_table,
                secondary=from_clause(resolve_association_table), back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            parent_associations: Mapped[list["Association"]] = relationship(
                resolve_association_table, back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/association.py
        from typing import TYPE_CHECKING, Optional
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, resolve_parent_table, resolve_child_table

        if TYPE_CHECKING:
            from .child import Child
            from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
            extra_data: Mapped[Optional[str]]
            child: Mapped["Child"] = relationship(resolve_child_table, back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
            parent: Mapped["Parent"] = relationship(resolve_parent_table, back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        """);
  }

  /** Importing shop.models.parent runs shop/__init__.py and shop/models/__init__.py first. */
  @Test
  void nestedPackageInitRunsOnTheWay() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.models.parent
        #- shop/__init__.py
        #- shop/models/__init__.py
        from . import association, child, parent
        #- shop/models/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/models/parent.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .child import Child

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(
                secondary="association_table", back_populates="parents", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            child_associations: Mapped[list["Association"]] = relationship(
                back_populates="parent", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/models/child.py
        from typing import TYPE_CHECKING
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .association import Association
            from .parent import Parent

        class Child(Base):
            __tablename__ = "right_table"
            id: Mapped[int] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(
                secondary="association_table", back_populates="children", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
            parent_associations: Mapped[list["Association"]] = relationship(
                back_populates="child", overlaps="children,parents,child_associations,parent_associations,child,parent"
            )
        #- shop/models/association.py
        from typing import TYPE_CHECKING, Optional
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        if TYPE_CHECKING:
            from .child import Child
            from .parent import Parent

        class Association(Base):
            __tablename__ = "association_table"
            left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
            right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
            extra_data: Mapped[Optional[str]]
            child: Mapped["Child"] = relationship(back_populates="parent_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
            parent: Mapped["Parent"] = relationship(back_populates="child_associations", overlaps="children,parents,child_associations,parent_associations,child,parent")
        """);
  }

  /**
   * indico's link mixin names 'Event' and never imports it; the classes that use the mixin do, and
   * a mixin's relationship is configured in them.
   */
  @Test
  void aMixinsTargetImportedByTheClassThatUsesTheMixinIsRegistered() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.notes
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/links.py
        # リンク用ミックスイン 🔗
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

        class LinkMixin:
            event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))

            @declared_attr
            def event(cls):
                return relationship("Event")
        #- shop/events.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Event(Base):
            __tablename__ = "events"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- shop/notes.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base
        from .events import Event
        from .links import LinkMixin

        class Note(LinkMixin, Base):
            __tablename__ = "notes"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }

  /** The same mixin, used by a class whose module does not import 'Event' either. */
  @Test
  void aMixinsTargetNoModuleOfTheUsingClassImportsIsNotRegistered() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.notes
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/links.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

        class LinkMixin:
            event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))

            @declared_attr
            def event(cls):
                return relationship("Event")
        #                           ^^^^^^^ error[ORM202]: class 'Event' (shop.events) is never imported at run time by entry module shop.notes
        #- shop/events.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Event(Base):
            __tablename__ = "events"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- shop/notes.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base
        from .links import LinkMixin

        class Note(LinkMixin, Base):
            __tablename__ = "notes"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }

  /**
   * indico's principal mixin: {@code if not cls.allow_networks: return} before the relationship, so
   * only some classes have it; nothing is claimed about it (here no class does, and SQLAlchemy
   * configures cleanly).
   */
  @Test
  void aRelationshipADeclaredAttrReturnsAfterAGuardIsNotChecked() {
    CHECKS.checkDiagnostics(
        """
        #! entry: shop.notes
        #- shop/__init__.py
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass
        #- shop/principals.py
        from sqlalchemy.orm import declared_attr, relationship

        class PrincipalMixin:
            allow_networks = False

            @declared_attr
            def ip_network_group(cls):
                if not cls.allow_networks:  # ネットワークは一部のみ 🌐
                    return
                return relationship("IPNetworkGroup")
        #- shop/networks.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class IPNetworkGroup(Base):
            __tablename__ = "ip_network_groups"
            id: Mapped[int] = mapped_column(primary_key=True)
        #- shop/notes.py
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base
        from .principals import PrincipalMixin

        class NotePrincipal(PrincipalMixin, Base):
            __tablename__ = "note_principals"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
  }
}
