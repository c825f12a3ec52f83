package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/**
 * A module-level name binding in statement order: what {@code from this_module import name} would
 * find, and how far into the module's execution it exists.
 *
 * @param statementStart offset of the binding statement, so bindings compare with imports by
 *     execution order
 * @param target for imports and plain aliases, the qualified name the binding refers to
 */
public record Definition(
    String name, TextRange range, Kind kind, int statementStart, String target) {
  /** What binds the name. */
  public enum Kind {
    CLASS,
    FUNCTION,
    ASSIGNMENT,
    IMPORT,
    TYPE_CHECKING_IMPORT
  }
}
