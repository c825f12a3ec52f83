package dev.ormlens.python.fixes;

import static dev.ormlens.python.fixes.FixChecks.CHECKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the fix-safety gate ({@code bench/fix_gate.py}) found: fixes that would have broken a
 * package, now not offered. Each fixture is checked with real SQLAlchemy as it stands.
 */
class FixSafetyTest {
  private static List<String> titles(Fixture fixture) {
    return CHECKS.fixesAt(fixture).stream().map(Fix::title).toList();
  }

  @Test
  void sqlmodelRelationshipsGetNoOverlapsOrViewonlyKeyword() {
    // SQLModel's Relationship() raises TypeError on overlaps= or viewonly=: neither is offered.
    Fixture fixture =
        Fixture.parse(
            """
            from typing import Optional
            from sqlmodel import Field, Relationship, SQLModel

            class Team(SQLModel, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                heroes: list["Hero"] = Relationship()
                members: list["Hero"] = Relationship()

            class Hero(SQLModel, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                team_id: Optional[int] = Field(default=None, foreign_key="team.id")
                team: Optional[Team] = Relationship()
            #   ^^^^
            """);
    for (var outcome : SqlalchemyOracle.outcomes(fixture)) {
      assertTrue(outcome.get("warnings").toString().contains("qzyx"), outcome.toString());
    }
    assertTrue(
        CHECKS.analyse(fixture).diagnostics("models.py").stream()
            .anyMatch(d -> d.code().equals("ORM301")),
        "ORM301 is reported, only its keyword fixes are not offered");
    assertEquals(
        List.of(),
        titles(fixture).stream()
            .filter(t -> t.contains("overlaps") || t.contains("viewonly"))
            .toList());
  }

  @Test
  void aMisspeltBackPopulatesIsRenamedNotDuplicated() {
    // Category.invoice names 'categori_list' while Invoice.category_list already points
    // back at it: the fix is the name, not a second relationship beside the real one.
    Fixture fixture =
        Fixture.parse(
            """
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

            class Base(DeclarativeBase):
                pass

            class Invoice(Base):
                __tablename__ = "invoice"
                id: Mapped[int] = mapped_column(primary_key=True)
                category_list: Mapped[list["Category"]] = relationship(back_populates="invoice")

            class Category(Base):
                __tablename__ = "category"
                id: Mapped[int] = mapped_column(primary_key=True)
                invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
                invoice: Mapped[Invoice] = relationship(back_populates="categori_list")
            #                                                          ^^^^^^^^^^^^^^^
            """);
    SqlalchemyOracle.assertFailsWith(fixture, "has no property");
    List<String> offered = titles(fixture);
    assertEquals(
        List.of(),
        offered.stream().filter(t -> t.startsWith("Create")).toList(),
        offered.toString());
    assertEquals(
        1, offered.stream().filter(t -> t.contains("'category_list'")).count(), offered.toString());
  }
}
