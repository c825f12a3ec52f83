package dev.ormlens.cli;

import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.rules.Catalogue;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiler-style lines, {@code path:line:col: CODE [severity] message}, that editors can follow.
 */
final class TextReport {
  private TextReport() {}

  static void write(List<Finding> findings, boolean quiet, boolean statistics, PrintWriter out) {
    for (Finding f : findings) {
      out.println(
          f.path()
              + ":"
              + f.span().line()
              + ":"
              + f.span().column()
              + ": "
              + f.code()
              + " ["
              + f.severity().label()
              + "] "
              + f.message());
      if (!quiet) {
        for (Finding.Related r : f.related()) {
          out.println(
              "    "
                  + r.path()
                  + ":"
                  + r.span().line()
                  + ":"
                  + r.span().column()
                  + ": note: "
                  + r.message());
        }
      }
    }
    if (statistics) {
      statistics(findings, out);
    }
    if (!quiet) {
      long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
      out.println(
          findings.isEmpty()
              ? "No problems found."
              : findings.size() + " problem(s), " + errors + " error(s).");
    }
  }

  private static void statistics(List<Finding> findings, PrintWriter out) {
    Map<String, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.code(), 1, Integer::sum));
    counts.forEach(
        (code, n) ->
            out.printf(
                "%5d  %s  %s%n",
                n,
                code,
                Catalogue.entry(code).map(Catalogue.Entry::title).orElse("internal error")));
  }
}
