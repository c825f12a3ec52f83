package dev.ormlens.core.analysis.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.text.TextRange;
import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.python.PythonModules;
import dev.ormlens.testkit.Checks;
import dev.ormlens.testkit.Fixture;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Listing fixes computes no edits; only the fix the user picks is computed. Lives in the engine's
 * package to plug a counting fix next to the real ones.
 */
class LazyOffersTest {
  private static final Checks CHECKS =
      new Checks(
          (path, text) -> PythonFrontEnd.extract(path, PythonModules.moduleName(path), text));

  private static final String SOURCE =
      """
      from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


      class Base(DeclarativeBase):
          pass


      class Parent(Base):
          __tablename__ = "parent"
          id: Mapped[int] = mapped_column(primary_key=True)
          kids = relationship("Chld")


      class Child(Base):
          __tablename__ = "child"
          id: Mapped[int] = mapped_column(primary_key=True)
      """;

  /** Offers two fixes everywhere and counts how often it computes edits. */
  private static final class Counting implements QuickFix {
    final AtomicInteger computed = new AtomicInteger();

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public List<String> codes() {
      return List.of("ORM101");
    }

    @Override
    public List<Offer> offers(FixContext ctx) {
      return List.of(offer(ctx, "first"), offer(ctx, "second"));
    }

    private Offer offer(FixContext ctx, String title) {
      return Offer.of(
          id(),
          title,
          "quickfix",
          false,
          codes(),
          () -> {
            computed.incrementAndGet();
            EditSet edits = new EditSet();
            edits.insert(ctx.path(), 0, "# " + title + "\n");
            return edits;
          });
    }
  }

  @Test
  void listingComputesNoEditsAndResolvingComputesOnlyThePickedOne() {
    Fixture fixture = Fixture.parse("#- app/models.py\n" + SOURCE);
    Analysis analysis = CHECKS.analyse(fixture);
    Counting counting = new Counting();
    Fixes fixes = new Fixes(analysis, List.of(new DidYouMean(), counting));
    String path = "app/models.py";
    SourceTexts texts = p -> Optional.of(fixture.files().get(0).text());
    int at = fixture.files().get(0).text().indexOf("Chld");
    TextRange range = new TextRange(at, at);

    List<FixOffer> offers = fixes.offers(path, range, texts);

    assertEquals(
        List.of("Change 'Chld' to 'Child'", "first", "second"),
        offers.stream().map(FixOffer::title).toList());
    assertEquals(0, counting.computed.get(), "listing computed edits");

    Fix second = fixes.fix(path, range, texts, offers.get(offers.size() - 1)).orElseThrow();
    assertEquals(1, counting.computed.get());
    assertEquals("second", second.title());
    assertEquals("# second\n", second.edits().get(path).get(0).newText());
  }
}
