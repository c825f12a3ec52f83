package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * The {@code secondary=} argument of a many-to-many relationship, in each form SQLAlchemy takes.
 */
public sealed interface SecondaryExpr {
  TextRange range();

  /** {@code secondary="association_table"} or {@code "schema.table"}. */
  record Text(StringLiteral literal) implements SecondaryExpr {
    public TextRange range() {
      return literal.literalRange();
    }
  }

  /** {@code secondary=association_table}: a {@code Table} variable (or, wrongly, a class). */
  record Name(NameRef name) implements SecondaryExpr {
    public TextRange range() {
      return name.range();
    }
  }

  /** {@code secondary=Association.__table__}. */
  record TableOf(NameRef mappedClass, TextRange range) implements SecondaryExpr {}

  /** {@code secondary=lambda: ...}, wrapping one of the other forms. */
  record Lambda(SecondaryExpr body, TextRange range) implements SecondaryExpr {}

  /** {@code secondary=from_clause(resolve_association)}: a helper called with resolvers. */
  record Call(NameRef function, List<NameRef> arguments, TextRange range)
      implements SecondaryExpr {}

  /** Anything else. Not resolved, never reported. */
  record Opaque(String text, TextRange range) implements SecondaryExpr {}
}
