package dev.ormlens.cli;

import dev.ormlens.core.analysis.Severity;
import dev.ormlens.workspace.InvalidSettings;
import dev.ormlens.workspace.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ormlens check}: report what SQLAlchemy would reject, for CI and pre-commit. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Report what SQLAlchemy would reject in the models under PATHS.",
      "Exit status: 0 no errors, 1 errors found, 2 usage or I/O error (with a one-line reason)."
    },
    footer = {
      "",
      "Settings come from [tool.ormlens] in the workspace's pyproject.toml; --select replaces its"
          + " select list and --ignore adds to its ignore list.",
      "Silence one line with a comment: # ormlens: ignore[ORM101] (or # ormlens: ignore for all"
          + " codes)."
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif,
    github
  }

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATHS",
      description = "Files or directories (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text (path:line:col: CODE [severity] message), json, sarif (SARIF 2.1.0) or github"
              + " (Actions annotations). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(
      names = "--select",
      split = ",",
      paramLabel = "CODES",
      description = "Report only these codes or prefixes (ORM1, ORM104, ALL).")
  List<String> select = new ArrayList<>();

  @Option(
      names = "--ignore",
      split = ",",
      paramLabel = "CODES",
      description = "Do not report these codes or prefixes.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the findings: no related locations, summary or notes.")
  boolean quiet;

  @Option(
      names = "--statistics",
      description = "After the findings, count them per code (text format).")
  boolean statistics;

  @Option(
      names = "--exit-zero",
      description = "Exit 0 even when errors are found (report-only CI jobs).")
  boolean exitZero;

  @Option(
      names = "--timings",
      description =
          "Print how long each stage took to standard error: finding files, reading them"
              + " (index cache, pre-scan, parsing), analysing.")
  boolean timings;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = main.cwd();
    Targets targets;
    try {
      targets = Targets.of(cwd, paths.isEmpty() ? List.of(Path.of(".")) : paths);
    } catch (Targets.BadPath e) {
      err.println("ormlens: " + e.getMessage());
      return 2;
    }
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> t : targets.byWorkspace().entrySet()) {
      Settings settings;
      try {
        settings = Settings.read(t.getKey()).withCodes(select, ignore);
      } catch (InvalidSettings e) {
        err.println("ormlens: " + e.getMessage());
        return 2;
      }
      LoadedWorkspace ws = LoadedWorkspace.load(t.getKey(), settings);
      for (String note : ws.notes()) {
        notes.add(
            display(cwd, t.getKey()).equals(".") ? note : display(cwd, t.getKey()) + "/" + note);
      }
      if (ws.fileCount() == 0) {
        notes.add(display(cwd, t.getKey()) + ": no Python files to check");
      }
      long analysing = System.nanoTime();
      findings.addAll(ws.findings(t.getValue(), p -> display(cwd, p)));
      if (timings) {
        err.printf(
            "ormlens: timings: %s: %d files; find %d ms, read %d ms, analyse %d ms%n",
            display(cwd, t.getKey()),
            ws.fileCount(),
            ws.timings().discoverMillis(),
            ws.timings().loadMillis(),
            (System.nanoTime() - analysing) / 1_000_000);
      }
    }
    findings.sort(
        Comparator.comparing(Finding::path)
            .thenComparingInt(f -> f.span().line())
            .thenComparingInt(f -> f.span().column())
            .thenComparing(Finding::code));
    if (!quiet) {
      notes.forEach(n -> err.println("ormlens: note: " + n));
    }
    switch (format) {
      case text -> TextReport.write(findings, quiet, statistics, out);
      case json -> JsonReport.write(findings, notes, out);
      case sarif -> SarifReport.write(findings, notes, cwd, out);
      case github -> GithubReport.write(findings, out);
    }
    out.flush();
    boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    return errors && !exitZero ? 1 : 0;
  }

  /** Relative to the current directory when under it, else absolute; always {@code /}. */
  static String display(Path cwd, Path path) {
    Path p = path.toAbsolutePath().normalize();
    String s = p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    return s.isEmpty() ? "." : s.replace('\\', '/');
  }
}
