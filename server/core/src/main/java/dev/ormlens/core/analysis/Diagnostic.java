package dev.ormlens.core.analysis;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * One finding: a stable code, what SQLAlchemy would do, where, and the related places (the other
 * side of a relationship, the candidates, the cycle's modules).
 */
public record Diagnostic(
    String code,
    Severity severity,
    String path,
    TextRange range,
    String message,
    List<Related> related) {

  /** Another place that explains the finding. */
  public record Related(Location location, String message) {}

  public Diagnostic withSeverity(Severity s) {
    return new Diagnostic(code, s, path, range, message, related);
  }
}
