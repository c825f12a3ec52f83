package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code ormlens check} on the bundled examples agrees with what real SQLAlchemy does with them
 * ({@code examples/README.md}'s table, measured by {@code bench/oracle.py}).
 */
class ExamplesTest {
  @Test
  void cleanPackageIsClean() {
    Path examples = examples();
    assertEquals(
        new Cli.Result(0, "No problems found.\n", ""), Cli.run(examples, "check", "clean_package"));
  }

  @Test
  void everyMistakeSqlalchemyRejectsIsAnErrorAndTheSilentOneAWarning() {
    Path examples = examples();
    Cli.Result r = Cli.run(examples, "check", "mistakes", "-q");
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("", r.err());
    // SQLAlchemy fails at configure or create_all on each of these modules.
    for (String module :
        List.of(
            "typo_target",
            "typo_secondary",
            "missing_back_populates",
            "bad_fk_column",
            "bad_fk_table_used",
            "bad_fk_table")) {
      assertTrue(
          r.out()
              .lines()
              .anyMatch(
                  l -> l.startsWith("mistakes/shop/" + module + ".py:") && l.contains(" [error] ")),
          module + " in\n" + r);
    }
    // SQLAlchemy accepts a one-sided back_populates silently: a warning, not an error.
    List<String> oneSided =
        r.out()
            .lines()
            .filter(l -> l.startsWith("mistakes/shop/one_sided_back_populates.py:"))
            .toList();
    assertEquals(1, oneSided.size(), r.toString());
    assertTrue(oneSided.get(0).contains(" ORM104 [warning] "), oneSided.toString());
  }

  @Test
  void theArticlesSplitsRunWithoutCrashing() {
    Path examples = examples();
    for (String example : List.of("naive_split", "type_checking_split", "resolver_split")) {
      Cli.Result r = Cli.run(examples, "check", example);
      assertTrue(Set.of(0, 1).contains(r.exitCode()), r.toString());
      assertEquals("", r.err(), example);
    }
  }

  private static Path examples() {
    Path examples = Cli.examples();
    assumeTrue(
        examples != null && Files.isDirectory(examples.resolve("mistakes")),
        "no examples/ in this checkout or in -Dormlens.repo");
    return examples;
  }
}
