package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.WorkspaceIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python 3.12-3.14 syntax (PEP 695 type parameters and aliases, PEP 701 f-strings, PEP 758 except
 * without parentheses) is read, not reported. Not run through SQLAlchemy: the oracle's Python is
 * 3.11, which rejects this syntax.
 */
class NewerSyntaxTest {
  private static List<String> diagnostics(String text) {
    var facts = PythonFrontEnd.extract("models.py", "models", text);
    Analysis analysis = new Analysis(WorkspaceIndex.of(List.of(facts)), AnalysisSettings.DEFAULTS);
    return analysis.diagnostics("models.py").stream()
        .map(
            d ->
                d.code()
                    + " "
                    + (analysis.index().file("models.py").get().lines().lineOf(d.range().start())
                        + 1))
        .toList();
  }

  @Test
  void typeParametersAliasesNestedFStringsAndBareExceptTuples() {
    assertEquals(
        List.of(),
        diagnostics(
            """
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

            class Base(DeclarativeBase):
                pass

            type UserId = int

            class Box[T]:
                item: T

            class Pair[K: str, *Ts, **P]:
                key: K

            def first[T](xs: list[T]) -> T:
                return xs[0]

            class User(Base):
                __tablename__ = "users"
                id: Mapped[int] = mapped_column(primary_key=True)
                name: Mapped[str] = mapped_column()

                def label(self) -> str:
                    return f"{self.name + f"{self.id}"} 😀"

            def parse(x):
                try:
                    return int(x)
                except ValueError, TypeError:
                    return None
            """));
  }

  @Test
  void aTypeParameterBindsOnlyItsOwnName() {
    assertEquals(
        List.of("ORM203 3"), // 1-based: `other: Missing`
        diagnostics(
            """
            class Box[T]:
                item: T
                other: Missing
            """));
  }
}
