package dev.ormlens.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a diagnostics fixture through real SQLAlchemy ({@code bench/oracle.py} in each venv the test
 * command creates) and checks that SQLAlchemy agrees with the expected diagnostics: an expected
 * error means SQLAlchemy fails in the way the code says; no expected error means it configures,
 * creates the tables and round-trips a row; ORM301 means it warns {@code qzyx}.
 *
 * <p>System property {@code ormlens.oracle}: {@code required} (the README's test command) fails
 * when no venv is found; anything else skips the check when the venvs are absent.
 */
public final class SqlalchemyOracle {
  private static final Pattern EXPECTED =
      Pattern.compile("^(error|warning|information|hint)\\[(ORM\\d+)\\]");

  /** How SQLAlchemy fails for each error code: matched against "Type: message" of its error. */
  private static final Map<String, Pattern> FAILURES =
      Map.ofEntries(
          Map.entry("ORM001", Pattern.compile("SyntaxError|IndentationError")),
          Map.entry(
              "ORM101",
              Pattern.compile("InvalidRequestError|UnmappedClassError|NameError|ArgumentError")),
          Map.entry("ORM102", Pattern.compile("InvalidRequestError|ArgumentError|NameError")),
          Map.entry("ORM103", Pattern.compile("InvalidRequestError|ArgumentError")),
          Map.entry("ORM104", Pattern.compile("ArgumentError|InvalidRequestError")),
          Map.entry(
              "ORM105",
              Pattern.compile(
                  "NoReferencedTableError|NoReferencedColumnError|NoForeignKeysError|ArgumentError")),
          Map.entry("ORM106", Pattern.compile("Multiple classes found")),
          Map.entry("ORM201", Pattern.compile("ImportError|circular")),
          Map.entry(
              "ORM202",
              Pattern.compile("failed to locate a name|is not mapped|_append_token|NameError")),
          Map.entry("ORM203", Pattern.compile("NameError|MappedAnnotationError")),
          Map.entry("ORM302", Pattern.compile("already defined")),
          Map.entry("ORM303", Pattern.compile("NoForeignKeysError|Could not determine join")));

  private SqlalchemyOracle() {}

  public static void check(Fixture fixture) {
    List<Path> pythons = pythons();
    if (pythons.isEmpty()) {
      if ("required".equals(System.getProperty("ormlens.oracle"))) {
        fail(
            "ormlens.oracle=required but no SQLAlchemy venv under build/venv-sa*: run bench/setup-venvs.sh");
      }
      return;
    }
    TreeSet<String> errors = new TreeSet<>();
    TreeSet<String> warnings = new TreeSet<>();
    for (Fixture.Mark m : fixture.marks()) {
      Matcher matcher = EXPECTED.matcher(m.text());
      if (matcher.find()) {
        (matcher.group(1).equals("error") ? errors : warnings).add(matcher.group(2));
      }
    }
    for (Path python : pythons) {
      JsonObject outcome = run(python, fixture);
      String version = outcome.get("sqlalchemy").getAsString();
      String stage = outcome.get("stage").getAsString();
      String error = describeError(outcome.get("error"));
      String where =
          "SQLAlchemy " + version + " on fixture:\n" + render(fixture) + "\noutcome: " + outcome;
      // Without entries the analysis calls an import failure latent (a warning naming the first
      // import it needs); SQLAlchemy, run from that import, must confirm it.
      TreeSet<String> latent = new TreeSet<>();
      if (fixture.inferEntries()) {
        warnings.stream().filter(c -> c.startsWith("ORM20")).forEach(latent::add);
      }
      if (errors.isEmpty() && latent.isEmpty()) {
        assertTrue(stage.equals("ok"), "no error diagnostic expected, but " + where);
      } else if (errors.isEmpty()) {
        assertTrue(!stage.equals("ok"), "latent " + latent + " but SQLAlchemy succeeded: " + where);
        boolean explained = false;
        for (String code : latent) {
          explained |= FAILURES.get(code).matcher(error).find();
        }
        assertTrue(explained, "SQLAlchemy failed differently from latent " + latent + ": " + where);
      } else {
        assertTrue(
            !stage.equals("ok"), "expected " + errors + " but SQLAlchemy succeeded: " + where);
        boolean explained = false;
        for (String code : errors) {
          Pattern p = FAILURES.get(code);
          explained |= p == null || p.matcher(error).find();
        }
        assertTrue(
            explained,
            "SQLAlchemy failed differently from " + errors + ": " + error + "\n" + where);
      }
      boolean overlapWarned = outcome.getAsJsonArray("warnings").toString().contains("qzyx");
      assertTrue(
          overlapWarned == warnings.contains("ORM301"),
          (overlapWarned
                  ? "SQLAlchemy warned qzyx without ORM301: "
                  : "ORM301 expected but no qzyx warning: ")
              + where);
    }
  }

  /**
   * What each installed SQLAlchemy does with the fixture's files: {@code bench/oracle.py}'s JSON.
   * Empty when no venv is installed, unless {@code ormlens.oracle=required}.
   */
  public static List<JsonObject> outcomes(Fixture fixture) {
    List<Path> pythons = pythons();
    if (pythons.isEmpty() && "required".equals(System.getProperty("ormlens.oracle"))) {
      fail("ormlens.oracle=required but no SQLAlchemy venv under build/venv-sa*");
    }
    List<JsonObject> out = new ArrayList<>();
    for (Path python : pythons) {
      out.add(run(python, fixture));
    }
    return out;
  }

  /** SQLAlchemy fails or warns, and its error or a warning matches {@code expected}. */
  public static void assertFailsWith(Fixture fixture, String expected) {
    Pattern p = Pattern.compile(expected);
    for (JsonObject o : outcomes(fixture)) {
      String said = describeError(o.get("error")) + " " + o.getAsJsonArray("warnings");
      assertTrue(
          p.matcher(said).find(),
          "expected SQLAlchemy to say /"
              + expected
              + "/ on:\n"
              + render(fixture)
              + "\noutcome: "
              + o);
    }
  }

  /** SQLAlchemy imports, configures, creates the tables and round-trips with no warning. */
  public static void assertClean(Fixture fixture) {
    for (JsonObject o : outcomes(fixture)) {
      assertTrue(
          o.get("stage").getAsString().equals("ok") && o.getAsJsonArray("warnings").isEmpty(),
          "expected SQLAlchemy to run cleanly on:\n" + render(fixture) + "\noutcome: " + o);
    }
  }

  private static String describeError(JsonElement error) {
    if (error == null || error.isJsonNull()) {
      return "";
    }
    JsonObject e = error.getAsJsonObject();
    return e.get("type").getAsString() + ": " + e.get("message").getAsString();
  }

  private static String render(Fixture fixture) {
    StringBuilder sb = new StringBuilder();
    fixture.files().forEach(f -> sb.append("#- ").append(f.path()).append('\n').append(f.text()));
    return sb.toString();
  }

  /** The checkout holding {@code bench/} (system property {@code ormlens.repo}, else upwards). */
  public static Path repository() {
    String repo = System.getProperty("ormlens.repo");
    Path p = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bench/oracle.py"))) {
      p = p.getParent();
    }
    return p;
  }

  /** Whether the venvs with SQLAlchemy are present (so {@link #check} really runs). */
  public static boolean available() {
    return !pythons().isEmpty();
  }

  /** The python of each installed SQLAlchemy venv. */
  public static List<Path> pythons() {
    Path repo = repository();
    List<Path> out = new ArrayList<>();
    if (repo == null) {
      return out;
    }
    for (String venv : List.of("venv-sa20", "venv-sa21")) {
      Path python = repo.resolve("build").resolve(venv).resolve("bin/python");
      if (Files.isExecutable(python)) {
        out.add(python);
      }
    }
    return out;
  }

  private static JsonObject run(Path python, Fixture fixture) {
    try {
      Path root = Files.createTempDirectory("ormlens-oracle");
      for (Fixture.File f : fixture.files()) {
        Path file = root.resolve(f.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.text(), StandardCharsets.UTF_8);
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  python.toString(),
                  repository().resolve("bench/oracle.py").toString(),
                  "--root",
                  root.toString()));
      for (String entry : fixture.importedModules()) {
        command.add("--entry");
        command.add(entry);
      }
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail("oracle failed (exit " + process.exitValue() + "): " + stdout);
      }
      return JsonParser.parseString(stdout.strip()).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError("could not run the SQLAlchemy oracle: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
