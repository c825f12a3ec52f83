package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;
import java.util.Set;

/**
 * One {@code relationship()} (or {@code db.relationship()}, SQLModel {@code Relationship()}, or an
 * entry of {@code map_imperatively(properties={...})}).
 *
 * @param target the first argument, or null when the annotation names the target
 * @param expressionStrings string-valued {@code primaryjoin}, {@code secondaryjoin}, {@code
 *     order_by}, {@code foreign_keys} and {@code remote_side} arguments, evaluated by SQLAlchemy
 *     against the registry
 * @param linkModel SQLModel's {@code link_model=}, the association class of a many-to-many
 * @param keywords the name of every keyword argument given, whatever its value (SQLModel's {@code
 *     sa_relationship_kwargs={...}} entries included)
 * @param unpacked the call passes {@code *args} or {@code **kwargs} (or a {@code
 *     sa_relationship_kwargs} that is not a literal dict): any keyword may be among them, so
 *     nothing may be concluded from one being absent
 * @param conditional a {@code declared_attr} returns it only under a condition ({@code if not
 *     cls.allow_networks: return}): some classes that inherit it have it and others do not, so it
 *     navigates but no check relies on it
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
    NameRef linkModel,
    Set<String> keywords,
    boolean unpacked,
    boolean conditional) {
  /** Keywords that choose the join's columns themselves, in any form. */
  private static final Set<String> JOIN_CHOICE =
      Set.of("primaryjoin", "secondaryjoin", "foreign_keys", "remote_side");

  /**
   * Whether SQLAlchemy derives the join from foreign keys alone: no {@code primaryjoin}, {@code
   * foreign_keys} or {@code remote_side} (strings or expressions) and no unpacked arguments that
   * could hold them.
   */
  public boolean joinFromForeignKeys() {
    return !unpacked && keywords.stream().noneMatch(JOIN_CHOICE::contains);
  }

  /** Whether the call may pass {@code keyword}: written, or possibly among unpacked arguments. */
  public boolean mayPass(String keyword) {
    return unpacked || keywords.contains(keyword);
  }

  /** The same relationship, known to exist only in some of the classes that inherit it. */
  public RelationshipFact asConditional() {
    return new RelationshipFact(
        attribute,
        attributeRange,
        callRange,
        statementRange,
        target,
        annotation,
        secondary,
        backPopulates,
        backref,
        overlaps,
        viewonly,
        expressionStrings,
        linkModel,
        keywords,
        unpacked,
        true);
  }

  /** A string keyword argument such as {@code primaryjoin="and_(A.id == B.a_id)"}. */
  public record KeywordString(String keyword, StringLiteral literal) {}
}
