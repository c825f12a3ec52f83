package dev.ormlens.python.features;

import static dev.ormlens.python.features.FeatureChecks.CHECKS;

import org.junit.jupiter.api.Test;

class CompletionTest {
  private static final String MODELS =
      Shop.BASE
          + Shop.ASSOCIATION
          + """
          #- shop/child.py
          from sqlalchemy import ForeignKey
          from sqlalchemy.orm import Mapped, mapped_column, relationship
          from .base import Base

          class Child(Base):
              __tablename__ = "right_table"
              id: Mapped[int] = mapped_column(primary_key=True)
              parent_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"))
              parent = relationship("Parent", back_populates="children")
              toys = relationship("Toy")
          #- shop/toys/toy.py
          from sqlalchemy import ForeignKey
          from sqlalchemy.orm import Mapped, mapped_column
          from ..base import Base

          class Toy(Base):
              __tablename__ = "toy"
              id: Mapped[int] = mapped_column(primary_key=True)
              child_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"))
          """;

  private static String parent(String line) {
    return MODELS
        + """
        #- shop/parent.py
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        class Parent(Base):
            __tablename__ = "left_table"
            id: Mapped[int] = mapped_column(primary_key=True)
        """
        + "    "
        + line
        + "\n";
  }

  @Test
  void classNamesInARelationshipStringNearestModuleFirst() {
    CHECKS.checkCompletion(parent("children = relationship(\"$0\")"), "Parent, Child, Toy");
  }

  @Test
  void halfTypedStringStillCompletes() {
    CHECKS.checkCompletion(parent("children = relationship(\"Chi$0"), "Parent, Child, Toy");
  }

  @Test
  void backPopulatesOffersTheTargetsRelationshipsReciprocalFirst() {
    CHECKS.checkCompletion(
        parent("children = relationship(\"Child\", back_populates=\"$0\")"), "parent, toys");
  }

  @Test
  void secondaryOffersTables() {
    CHECKS.checkCompletion(
        parent("children = relationship(\"Child\", secondary=\"$0\")"),
        "left_table, association_table, right_table, toy");
  }

  @Test
  void foreignKeyOffersTableDotColumn() {
    CHECKS.checkCompletion(
        parent("other_id: Mapped[int] = mapped_column(ForeignKey(\"$0\"))"),
        "left_table.id, left_table.other_id, association_table.left_id, association_table.right_id, right_table.id, right_table.parent_id, toy.id, toy.child_id");
  }

  @Test
  void joinExpressionOffersAttributesAfterTheClass() {
    CHECKS.checkCompletion(
        parent("children = relationship(\"Child\", primaryjoin=\"Parent.id == Child.$0\")"),
        "id, parent_id, parent, toys");
  }

  @Test
  void nothingOutsideStrings() {
    CHECKS.checkCompletion(parent("children = relationship($0)"), "");
  }

  @Test
  void theEditorsListIsNarrowedByWhatWasTypedAndCut() {
    CHECKS.checkNarrowedCompletion(
        parent("children = relationship(\"$0\")"), 10, "Parent, Child, Toy");
    CHECKS.checkNarrowedCompletion(
        parent("children = relationship(\"$0\")"), 2, "Parent, Child (incomplete)");
    // The typed characters in order, any case: "ch" keeps Child, "oy" keeps Toy.
    CHECKS.checkNarrowedCompletion(
        parent("children = relationship(\"ch$0\")"), 10, "Child (incomplete)");
    CHECKS.checkNarrowedCompletion(
        parent("children = relationship(\"oy$0\")"), 10, "Toy (incomplete)");
  }
}
