package dev.ormlens.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.Position;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ormlens check}: report what SQLAlchemy would reject, for CI and pre-commit. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Report what SQLAlchemy would reject. Exit 0 when clean, 1 when errors are found, 2 on usage or I/O errors.")
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Parameters(
      arity = "0..*",
      paramLabel = "PATHS",
      description = "Files or directories (default: .)")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", description = "text, json (default: text)")
  Format format = Format.text;

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "CODES",
      description = "Report only these codes")
  List<String> select = new ArrayList<>();

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "CODES",
      description = "Do not report these codes")
  List<String> ignore = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (paths.isEmpty()) {
      paths.add(Path.of("."));
    }
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path path : paths) {
      LoadedWorkspace ws;
      try {
        ws = LoadedWorkspace.load(path, settings());
      } catch (IllegalArgumentException e) {
        System.err.println("ormlens: " + e.getMessage());
        return 2;
      }
      notes.addAll(ws.notes());
      String prefix = paths.size() > 1 ? path.toString().replace('\\', '/') + "/" : "";
      for (Map.Entry<String, List<Diagnostic>> e : ws.analysis().allDiagnostics().entrySet()) {
        FileFacts file = ws.analysis().index().file(e.getKey()).orElseThrow();
        for (Diagnostic d : e.getValue()) {
          if (select.isEmpty() || select.contains(d.code())) {
            findings.add(new Finding(prefix + e.getKey(), file.lines(), d));
          }
        }
      }
    }
    findings.sort(
        Comparator.comparing(Finding::path).thenComparingInt(f -> f.diagnostic().range().start()));
    notes.forEach(n -> System.err.println("ormlens: note: " + n));
    switch (format) {
      case json -> out.println(json(findings));
      case text -> text(findings, out);
    }
    boolean errors = findings.stream().anyMatch(f -> f.diagnostic().severity() == Severity.ERROR);
    return errors ? 1 : 0;
  }

  private AnalysisSettings settings() {
    Set<String> disabled = new HashSet<>();
    ignore.forEach(c -> disabled.add(c.strip().toUpperCase(Locale.ROOT)));
    return new AnalysisSettings(disabled, Map.of(), List.of(), null);
  }

  record Finding(String path, LineMap lines, Diagnostic diagnostic) {
    Position start() {
      return lines.position(diagnostic.range().start());
    }

    Position end() {
      return lines.position(diagnostic.range().end());
    }
  }

  private static void text(List<Finding> findings, PrintStream out) {
    for (Finding f : findings) {
      Position p = f.start();
      Diagnostic d = f.diagnostic();
      out.println(
          f.path()
              + ":"
              + (p.line() + 1)
              + ":"
              + (p.column() + 1)
              + ": "
              + d.code()
              + " ["
              + d.severity().label()
              + "] "
              + d.message());
    }
    long errors =
        findings.stream().filter(f -> f.diagnostic().severity() == Severity.ERROR).count();
    out.println(
        findings.isEmpty()
            ? "No problems found."
            : findings.size() + " problem(s), " + errors + " error(s).");
  }

  private static String json(List<Finding> findings) {
    JsonArray diagnostics = new JsonArray();
    for (Finding f : findings) {
      Diagnostic d = f.diagnostic();
      JsonObject o = new JsonObject();
      o.addProperty("path", f.path());
      o.addProperty("code", d.code());
      o.addProperty("severity", d.severity().label());
      o.addProperty("message", d.message());
      addRange(o, f.start(), f.end());
      JsonArray related = new JsonArray();
      for (Diagnostic.Related r : d.related()) {
        JsonObject ro = new JsonObject();
        ro.addProperty("path", r.location().path());
        ro.addProperty("message", r.message());
        ro.addProperty("start", r.location().range().start());
        related.add(ro);
      }
      o.add("related", related);
      diagnostics.add(o);
    }
    JsonObject root = new JsonObject();
    root.add("diagnostics", diagnostics);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
  }

  private static void addRange(JsonObject o, Position start, Position end) {
    o.addProperty("line", start.line() + 1);
    o.addProperty("column", start.column() + 1);
    o.addProperty("endLine", end.line() + 1);
    o.addProperty("endColumn", end.column() + 1);
  }
}
