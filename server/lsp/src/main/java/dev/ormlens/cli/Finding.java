package dev.ormlens.cli;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Severity;
import java.util.List;

/**
 * A diagnostic ready to print: its file as the user should see it (relative to the current
 * directory when under it) and its ranges in lines and columns.
 */
record Finding(String path, Span span, Diagnostic diagnostic, List<Related> related) {
  /** A related place, resolved the same way. */
  record Related(String path, Span span, String message) {}

  String code() {
    return diagnostic.code();
  }

  Severity severity() {
    return diagnostic.severity();
  }

  String message() {
    return diagnostic.message();
  }
}
