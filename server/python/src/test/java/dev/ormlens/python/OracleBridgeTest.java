package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import org.junit.jupiter.api.Test;

/** The SQLAlchemy check behind every diagnostics fixture must be able to fail. */
class OracleBridgeTest {
  private static final String CLEAN =
      """
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

      class Base(DeclarativeBase):
          pass

      class Parent(Base):
          __tablename__ = "parent"
      #                   ^^^^^^^^ error[ORM101]: a wrong claim on working code
          id: Mapped[int] = mapped_column(primary_key=True)
      """;

  private static final String BROKEN =
      """
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

      class Base(DeclarativeBase):
          pass

      class Parent(Base):
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          kids = relationship("Nope")
      """;

  @Test
  void anErrorClaimOnCodeSqlalchemyAcceptsFails() {
    assumeTrue(SqlalchemyOracle.available(), "SQLAlchemy venvs not installed");
    assertThrows(AssertionError.class, () -> SqlalchemyOracle.check(Fixture.parse(CLEAN)));
  }

  @Test
  void aCleanClaimOnCodeSqlalchemyRejectsFails() {
    assumeTrue(SqlalchemyOracle.available(), "SQLAlchemy venvs not installed");
    assertThrows(AssertionError.class, () -> SqlalchemyOracle.check(Fixture.parse(BROKEN)));
  }
}
