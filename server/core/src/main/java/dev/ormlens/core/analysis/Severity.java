package dev.ormlens.core.analysis;

import java.util.Locale;

/**
 * How bad a finding is. Follows SQLAlchemy: an error where it raises, a warning where it warns or
 * where the code works today but is fragile.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFORMATION,
  HINT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code error}, {@code warning}, {@code information}/{@code info}, {@code hint}. */
  public static Severity parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "error" -> ERROR;
      case "warning", "warn" -> WARNING;
      case "information", "info" -> INFORMATION;
      case "hint" -> HINT;
      default -> throw new IllegalArgumentException("unknown severity '" + text + "'");
    };
  }
}
