package dev.ormlens.python.features;

import static dev.ormlens.python.features.FeatureChecks.CHECKS;

import org.junit.jupiter.api.Test;

class HoverTest {
  private static final String PARENT_CHILD =
      Shop.BASE
          + """
          #- shop/parent.py
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base, resolve_child

          class Parent(Base):
              __tablename__ = "parent"
              id: Mapped[int] = mapped_column(primary_key=True)
              children = relationship("Chi$0ld", back_populates="parent")
          #- shop/child.py
          from sqlalchemy import ForeignKey
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base

          class Child(Base):
              __tablename__ = "child"
              id: Mapped[int] = mapped_column(primary_key=True)
              parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
              paren$0t = relationship("Parent", back_populates="children")
          """;

  @Test
  void targetStringShowsClassAndOneToMany() {
    CHECKS.checkHover(
        PARENT_CHILD.replace("paren$0t", "parent"),
        """
          ```python
          class Child
          ```
          mapped class `shop.child.Child`, table `child`
          module `shop.child` (`child.py`)

          ---

          relationship `Parent.children` → `Child` (one-to-many)
          target: `shop.child.Child` in module `shop.child` (`child.py`)
          join: `child.parent_id → parent.id`
          reciprocal: `Child.parent`
          """);
  }

  @Test
  void manyToOneSideShowsJoinAndReciprocal() {
    CHECKS.checkHover(
        PARENT_CHILD.replace("Chi$0ld", "Child"),
        """
          relationship `Child.parent` → `Parent` (many-to-one)
          target: `shop.parent.Parent` in module `shop.parent` (`parent.py`)
          join: `child.parent_id → parent.id`
          reciprocal: `Parent.children`
          """);
  }

  @Test
  void lazyResolverShowsTheFunction() {
    CHECKS.checkHover(
        PARENT_CHILD.replace("\"Chi$0ld\"", "resolve_$0child").replace("paren$0t", "parent"),
        """
          ```python
          class Child
          ```
          mapped class `shop.child.Child`, table `child`
          module `shop.child` (`child.py`)

          ---

          relationship `Parent.children` → `Child` (one-to-many)
          target: `shop.child.Child` in module `shop.child` (`child.py`)
          resolved lazily by `resolve_child()`
          join: `child.parent_id → parent.id`
          reciprocal: `Child.parent`
          """);
  }

  @Test
  void secondaryShowsManyToManyAndAssociationTable() {
    CHECKS.checkHover(
        Shop.BASE
            + Shop.ASSOCIATION
            + """
            #- shop/parent.py
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list["Child"]] = relationship(secondary="associ$0ation_table")
            #- shop/child.py
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
            """,
        """
          table `association_table`
          columns: `left_id`, `right_id`
          module `shop.association` (`association.py`)

          ---

          relationship `Parent.children` → `Child` (many-to-many)
          target: `shop.child.Child` in module `shop.child` (`child.py`)
          association table: `association_table`
          join: `association_table.left_id → left_table.id`, `association_table.right_id → right_table.id`
          """);
  }

  @Test
  void nothingToShowOutsideOrmCode() {
    CHECKS.checkHover(
        """
        x = 1$0
        """,
        "");
  }
}
