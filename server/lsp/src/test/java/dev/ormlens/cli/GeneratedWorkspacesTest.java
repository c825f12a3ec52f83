package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.fixes.Fixes;
import dev.ormlens.workspace.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every style and mutation the bench generator makes: applying all safe fixes never introduces a
 * diagnostic, and applying every fix (unsafe and refactorings included) leaves every file parseable
 * by tree-sitter and by Python itself.
 */
class GeneratedWorkspacesTest {
  private static final Set<String> STYLES = Set.of("declarative2", "mixed", "declarative1");

  @Test
  void fixesKeepGeneratedWorkspacesParseableAndIntroduceNoDiagnostic(@TempDir Path out)
      throws Exception {
    Path generator = Path.of(System.getProperty("ormlens.repo", ".")).resolve("bench/generate.py");
    assumeTrue(Files.exists(generator), "bench/generate.py not found");
    String gen =
        ArticleEndToEndTest.run(
            out, "python3", generator.toString(), "--cases", out.toString(), "--models", "5");
    List<Path> cases;
    try (Stream<Path> s = Files.walk(out)) {
      // Three styles keep the test fast; between them they use every reference form.
      cases =
          s.filter(p -> p.endsWith("case.json"))
              .map(Path::getParent)
              .filter(p -> STYLES.contains(p.getParent().getFileName().toString()))
              // The ORM001 mutation is a syntax error: unparseable before any fix.
              .filter(p -> !p.getFileName().toString().equals(Analysis.SYNTAX_CODE))
              .sorted()
              .toList();
    }
    assertTrue(cases.size() > 30, "generator made too few cases: " + gen);
    Set<String> all = new HashSet<>(Fixes.ids());
    List<String> failures = new ArrayList<>();
    for (Path c : cases) {
      FixCommand.Session safe = session(c);
      Map<String, Integer> before = counts(safe.analysis());
      safe.fixToFixedPoint(Fixes.Selection.SAFE);
      counts(safe.analysis())
          .forEach(
              (key, n) -> {
                if (n > before.getOrDefault(key, 0)) {
                  failures.add(out.relativize(c) + ": safe fixes introduced " + key);
                }
              });
      FixCommand.Session every = session(c);
      every.fixToFixedPoint(new Fixes.Selection(true, all));
      every.write(c);
      counts(every.analysis()).keySet().stream()
          .filter(k -> k.contains(Analysis.SYNTAX_CODE))
          .forEach(k -> failures.add(out.relativize(c) + ": unparseable after fixes: " + k));
      List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
      try (Stream<Path> s = Files.walk(c)) {
        s.filter(p -> p.toString().endsWith(".py")).forEach(p -> command.add(p.toString()));
      }
      String compiled = ArticleEndToEndTest.run(c, command.toArray(String[]::new));
      if (!compiled.isBlank()) {
        failures.add(out.relativize(c) + ": py_compile: " + compiled);
      }
    }
    assertEquals(List.of(), failures);
  }

  private static FixCommand.Session session(Path dir) {
    return FixCommand.Session.load(Discovery.find(dir, new ArrayList<>()), new ArrayList<>());
  }

  /** Diagnostics per file and code. */
  private static Map<String, Integer> counts(Analysis analysis) {
    Map<String, Integer> out = new TreeMap<>();
    for (Map.Entry<String, List<Diagnostic>> e : analysis.allDiagnostics().entrySet()) {
      for (Diagnostic d : e.getValue()) {
        out.merge(e.getKey() + " " + d.code(), 1, Integer::sum);
      }
    }
    return out;
  }
}
