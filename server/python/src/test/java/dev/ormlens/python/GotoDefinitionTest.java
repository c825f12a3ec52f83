package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

class GotoDefinitionTest {
  private static final String BASE =
      """
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass
      """;

  @Test
  void relationshipStringJumpsToClassInAnotherFile() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Chi$0ld")
            #- shop/child.py
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):
            #     ^^^^^
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void secondaryStringJumpsToTableName() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/models.py
            from sqlalchemy import Column, ForeignKey, Table
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            links = Table(
                "links",
            #    ^^^^^
                Base.metadata,
                Column("a_id", ForeignKey("a.id"), primary_key=True),
                Column("b_id", ForeignKey("b.id"), primary_key=True),
            )

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs: Mapped[list["B"]] = relationship(secondary="li$0nks")

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
            """);
  }

  @Test
  void resolverFunctionJumpsToTheClassItReturns() {
    CHECKS.checkDefinition(
        """
        #- shop/base.py
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass

        def resolve_child():
            from .child import Child
            return Child
        #- shop/parent.py
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base, resolve_child

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children = relationship(resolve_$0child)
        #- shop/child.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Child(Base):
        #     ^^^^^
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
        """);
  }

  @Test
  void positionsCountUtf16WithJapaneseAndEmoji() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/parent.py
            # 親モデル 😀 コメント
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):  # 親 🎉
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                name = "名前😀"; children = relationship("Chi$0ld")
            #- shop/child.py
            # 子 😀
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):  # 😀
            #     ^^^^^
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """);
  }

  @Test
  void foreignKeyInAMixinsDeclaredAttrJumpsToTheColumnOfTheClassesThatUseIt() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/mixins.py
            from sqlalchemy import Column, ForeignKey, Integer
            from sqlalchemy.orm import declared_attr

            class AuditMixin:
                # 監査用 😀
                @declared_attr
                def created_by_fk(cls):
                    return Column(Integer, ForeignKey("ab_user.i$0d"), nullable=False)
            #- shop/models.py
            from sqlalchemy import Column, Integer
            from .base import Base
            from .mixins import AuditMixin

            class User(Base):
                __tablename__ = "ab_user"
                id = Column(Integer, primary_key=True)
            #   ^^

            class Order(AuditMixin, Base):
                __tablename__ = "orders"
                id = Column(Integer, primary_key=True)
            """);
  }

  /** indico's link mixin: a column only the classes that allow a link type get. */
  @Test
  void foreignKeyOfAColumnADeclaredAttrReturnsUnderAConditionNavigates() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/mixins.py
            from sqlalchemy import Column, ForeignKey, Integer
            from sqlalchemy.orm import declared_attr

            class LinkMixin:
                allowed_link_types = frozenset()

                @declared_attr
                def category_id(cls):
                    if "category" in cls.allowed_link_types:  # カテゴリ 😀
                        return Column(Integer, ForeignKey("categories.i$0d"), nullable=True)
            #- shop/models.py
            from sqlalchemy import Column, Integer
            from .base import Base
            from .mixins import LinkMixin

            class Category(Base):
                __tablename__ = "categories"
                id = Column(Integer, primary_key=True)
            #   ^^

            class Folder(LinkMixin, Base):
                __tablename__ = "folders"
                allowed_link_types = frozenset({"category"})
                id = Column(Integer, primary_key=True)
            """);
  }

  @Test
  void targetOfARelationshipADeclaredAttrReturnsAfterAGuardNavigates() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/principals.py
            from sqlalchemy.orm import declared_attr, relationship

            class PrincipalMixin:
                allow_networks = False

                @declared_attr
                def ip_network_group(cls):
                    if not cls.allow_networks:
                        return
                    return relationship("IPNetwork$0Group")
            #- shop/models.py
            from sqlalchemy import Column, Integer
            from .base import Base
            from .principals import PrincipalMixin

            class IPNetworkGroup(Base):
            #     ^^^^^^^^^^^^^^
                __tablename__ = "ip_network_groups"
                id = Column(Integer, primary_key=True)

            class EventPrincipal(PrincipalMixin, Base):
                __tablename__ = "event_principals"
                allow_networks = True
                id = Column(Integer, primary_key=True)
            """);
  }

  @Test
  void foreignKeyInALibraryMixinNoClassUsesResolvesInTheOnlyMetadata() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/mixins.py
            from sqlalchemy import Column, ForeignKey, Integer

            class OwnedMixin:
                owner_id = Column(Integer, ForeignKey("ab_us$0er.id"))
            #- shop/models.py
            from sqlalchemy import Column, Integer
            from .base import Base

            class User(Base):
                __tablename__ = "ab_user"
            #                    ^^^^^^^
                id = Column(Integer, primary_key=True)
            """);
  }

  @Test
  void secondaryNamingAVariableBoundToAClassTableJumpsToItsTableName() {
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/models.py
            from sqlalchemy import Column, ForeignKey, Integer
            from sqlalchemy.orm import relationship
            from .base import Base

            class GroupNode(Base):
                __tablename__ = "group_nodes"
            #                    ^^^^^^^^^^^
                id = Column(Integer, primary_key=True)
                group_id = Column(Integer, ForeignKey("groups.id"))
                node_id = Column(Integer, ForeignKey("nodes.id"))

            group_nodes = GroupNode.__table__

            class Node(Base):
                __tablename__ = "nodes"
                id = Column(Integer, primary_key=True)

            class Group(Base):
                __tablename__ = "groups"
                id = Column(Integer, primary_key=True)
                nodes = relationship("Node", secondary=group_n$0odes, backref="groups")
            """);
  }

  @Test
  void schemaQualifiedForeignKeyReachesATableWhoseSchemaAHelperComputes() {
    // indico: __table_args__ = declared_attr(lambda cls: auto_table_args(cls)) gives the schema.
    CHECKS.checkDefinition(
        BASE
            + """
            #- shop/models.py
            from sqlalchemy import Column, ForeignKey, Integer
            from sqlalchemy.orm import declared_attr
            from .base import Base
            from .util import auto_table_args

            class Event(Base):
                __tablename__ = "events"

                @declared_attr
                def __table_args__(cls):
                    return auto_table_args(cls)

                id = Column(Integer, primary_key=True)
            #   ^^

            class Request(Base):
                __tablename__ = "requests"
                __table_args__ = {"schema": "categories"}
                id = Column(Integer, primary_key=True)
                event_id = Column(ForeignKey("events.events.i$0d"))
            #- shop/util.py
            def auto_table_args(cls):
                return {"schema": "events"}
            """);
  }
}
