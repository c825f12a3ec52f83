package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * One {@code relationship()} (or {@code db.relationship()}, SQLModel {@code Relationship()}, or an
 * entry of {@code map_imperatively(properties={...})}).
 *
 * @param target the first argument, or null when the annotation names the target
 * @param expressionStrings string-valued {@code primaryjoin}, {@code secondaryjoin}, {@code
 *     order_by}, {@code foreign_keys} and {@code remote_side} arguments, evaluated by SQLAlchemy
 *     against the registry
 * @param linkModel SQLModel's {@code link_model=}, the association class of a many-to-many
 */
public record RelationshipFact(
    String attribute,
    TextRange attributeRange,
    TextRange callRange,
    TextRange statementRange,
    TargetExpr target,
    AnnotationFact annotation,
    SecondaryExpr secondary,
    StringLiteral backPopulates,
    StringLiteral backref,
    StringLiteral overlaps,
    boolean viewonly,
    List<KeywordString> expressionStrings,
    NameRef linkModel) {

  /** A string keyword argument such as {@code primaryjoin="and_(A.id == B.a_id)"}. */
  public record KeywordString(String keyword, StringLiteral literal) {}
}
