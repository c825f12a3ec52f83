package dev.ormlens.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --format github}: GitHub Actions workflow commands, which the Actions runner turns into
 * annotations on the pull request's lines without any upload step.
 */
final class GithubReport {
  private GithubReport() {}

  static void write(List<Finding> findings, PrintWriter out) {
    for (Finding f : findings) {
      String level =
          switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "notice";
          };
      out.println(
          "::"
              + level
              + " file="
              + property(f.path())
              + ",line="
              + f.span().line()
              + ",col="
              + f.span().column()
              + ",endLine="
              + f.span().endLine()
              + ",endColumn="
              + f.span().endColumn()
              + ",title="
              + property(f.code())
              + "::"
              + data(f.code() + " " + f.message()));
    }
  }

  // Escapes defined by the Actions toolkit (@actions/core, command.ts).
  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
