package dev.ormlens.core.analysis.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a latent ORM201 names the first imports that fail. */
class CircularImportWordingTest {
  @Test
  void aFewFirstImportsAreNamedInFull() {
    assertEquals(
        "shop.child or shop.parent",
        CircularImportWording.firstImports(
            List.of("shop.parent", "shop.child"), List.of("shop.child", "shop.association")));
  }

  /** pgadmin reaches one cycle from 300 modules; the message named them all (65 KB). */
  @Test
  void manyFirstImportsNameTheCycleFirstThenTheShortestAndCountTheRest() {
    List<String> entries =
        List.of(
            "app.views.a.deep.module",
            "app.views",
            "app",
            "app.models",
            "app.utils.paths",
            "app.tests.test_x");
    assertEquals(
        "app.models or app.utils.paths or app (or one of 3 other modules that lead there)",
        CircularImportWording.firstImports(
            entries, List.of("app.models", "config", "app.utils.paths")));
  }
}
