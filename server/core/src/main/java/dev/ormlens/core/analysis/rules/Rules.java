package dev.ormlens.core.analysis.rules;

import java.util.List;

/** Every shipped rule, in code order. */
public final class Rules {
  private static final List<Rule> ALL =
      List.of(
          new UnknownRelationshipTarget(),
          new UnknownSecondaryTable(),
          new BackPopulatesMissing(),
          new BackPopulatesNotReciprocal(),
          new UnknownForeignKeyTarget(),
          new AmbiguousClassName(),
          new AnnotationDisagreesWithTarget(),
          new FailingCircularImport(),
          new NeverImported(),
          new UndefinedAnnotationName(),
          new OverlappingRelationships(),
          new DuplicateTableName(),
          new AssociationTableMissingForeignKey());

  private Rules() {}

  public static List<Rule> all() {
    return ALL;
  }
}
