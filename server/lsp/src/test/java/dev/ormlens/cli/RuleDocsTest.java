package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.rules.Catalogue;
import dev.ormlens.core.text.TextRange;
import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.SqlalchemyOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in {@code docs/rules.md} says what it claims: {@code ormlens check} reports the
 * section's code on the bad example and nothing on the good one, and real SQLAlchemy fails (or, for
 * a warning, succeeds) on the bad one and succeeds on the good one.
 */
class RuleDocsTest {
  private static final Pattern EXAMPLE =
      Pattern.compile("\\n(Bad|Good):\\n```python\\n(.*?)```", Pattern.DOTALL);

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @TempDir Path tmp;

  private static void await(CompletableFuture<Void> run) throws Throwable {
    try {
      run.get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleIsTrue() throws IOException {
    String docs = Files.readString(CatalogueTest.repo().resolve("docs/rules.md"));
    List<DynamicTest> tests = new ArrayList<>();
    for (Catalogue.Entry e : Catalogue.all()) {
      int at = docs.indexOf("\n## " + e.code() + ": ");
      int next = docs.indexOf("\n## ", at + 1);
      Matcher m = EXAMPLE.matcher(docs.substring(at, next < 0 ? docs.length() : next));
      while (m.find()) {
        boolean bad = m.group(1).equals("Bad");
        String code = m.group(2);
        // Each example runs SQLAlchemy twice (2.0 and 2.1), a second or two each: start them all
        // on two threads now, and let each test wait for its own.
        CompletableFuture<Void> run =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    check(e, bad, code);
                  } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                  }
                },
                POOL);
        tests.add(
            DynamicTest.dynamicTest(e.code() + " " + m.group(1).toLowerCase(), () -> await(run)));
      }
    }
    assertEquals(2 * Catalogue.all().size(), tests.size(), "one bad and one good per code");
    return tests.stream();
  }

  private void check(Catalogue.Entry entry, boolean bad, String code) throws IOException {
    Fixture parsed =
        Fixture.parse(
            code.startsWith("#- ") || code.startsWith("#! ") ? code : "#- models.py\n" + code);
    Path ws = Files.createTempDirectory(tmp, entry.code());
    for (Fixture.File f : parsed.files()) {
      Files.createDirectories(ws.resolve(f.path()).getParent());
      Files.writeString(ws.resolve(f.path()), f.text());
    }
    if (!parsed.entries().isEmpty()) {
      // The application's first module, as a project configures it.
      Files.writeString(
          ws.resolve("pyproject.toml"),
          "[tool.ormlens]\nentry-modules = [\""
              + String.join("\", \"", parsed.entries())
              + "\"]\n");
    }
    Cli.Result r = Cli.run(ws, "check", "-q");
    List<String> codes = CheckCommandTest.codes(r);
    if (bad) {
      assertTrue(codes.contains(entry.code()), r.toString());
    } else {
      assertEquals(List.of(), codes, r.toString());
    }
    List<Fixture.Mark> marks =
        bad
            ? List.of(
                new Fixture.Mark(
                    parsed.files().get(0).path(),
                    new TextRange(0, 0),
                    (entry.defaultSeverity() == Severity.ERROR ? "error" : "warning")
                        + "["
                        + entry.code()
                        + "]"))
            : List.of();
    SqlalchemyOracle.check(new Fixture(parsed.files(), null, marks, parsed.entries()));
  }
}
