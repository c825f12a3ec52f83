package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;

/** The first argument of {@code relationship(...)}: what the relationship points at. */
public sealed interface TargetExpr {
  TextRange range();

  /** {@code relationship("Child")} or {@code relationship("shop.child.Child")}. */
  record Text(StringLiteral literal) implements TargetExpr {
    public TextRange range() {
      return literal.literalRange();
    }
  }

  /** {@code relationship(Child)} or {@code relationship(resolve_child)}: a class or a resolver. */
  record Name(NameRef name) implements TargetExpr {
    public TextRange range() {
      return name.range();
    }
  }

  /** {@code relationship(lambda: Child)}. */
  record Lambda(NameRef body, TextRange range) implements TargetExpr {}

  /** Anything else: a call, a subscript. Not resolved, never reported. */
  record Opaque(String text, TextRange range) implements TargetExpr {}
}
