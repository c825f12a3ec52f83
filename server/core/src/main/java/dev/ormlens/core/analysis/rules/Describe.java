package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.text.WordList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Shared wording: how SQLAlchemy names mappers, and did-you-mean suggestions. */
final class Describe {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  /** Classes of the sqlalchemy package: where a name no mapped class has falls back to. */
  private static final Set<String> SQLALCHEMY_CLASSES =
      WordList.load(Describe.class, "sqlalchemy-classes.txt");

  private Describe() {}

  /**
   * What configuring {@code mapper} raises when the relationship target string {@code written}
   * names no mapped class: "failed to locate a name", unless the name is one of sqlalchemy's own
   * classes (a model called {@code Identity} or {@code Sequence}), which the resolver then returns
   * and the mapper rejects as not mapped.
   */
  static String unlocatedTarget(String written, MappedClass mapper) {
    if (SQLALCHEMY_CLASSES.contains(written)) {
      return "UnmappedClassError when configuring "
          + mapper(mapper)
          + " (with no mapped class '"
          + written
          + "', the name falls back to sqlalchemy's own "
          + written
          + ", which is not mapped)";
    }
    return "InvalidRequestError when configuring "
        + mapper(mapper)
        + " (expression '"
        + written
        + "' failed to locate a name)";
  }

  /** {@code Mapper[Parent(left_table)]}, as SQLAlchemy prints a mapper. */
  static String mapper(MappedClass c) {
    String table = c.tableKey() == null ? "" : "(" + c.tableKey() + ")";
    return "Mapper[" + c.name() + table + "]";
  }

  static String relationship(OrmModel.RelationshipSite site) {
    return "'" + site.owner().name() + "." + site.fact().attribute() + "'";
  }

  /** The closest names within edit distance 3, best first. */
  static List<String> closest(String name, Collection<String> candidates) {
    return candidates.stream()
        .filter(c -> !c.equals(name))
        .map(c -> new Object[] {c, DISTANCE.apply(name.toLowerCase(), c.toLowerCase())})
        .filter(p -> (Integer) p[1] >= 0 && (Integer) p[1] <= Math.max(1, name.length() / 3))
        .sorted(
            Comparator.comparingInt((Object[] p) -> (Integer) p[1])
                .thenComparing(p -> (String) p[0]))
        .map(p -> (String) p[0])
        .limit(3)
        .toList();
  }

  static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    return " Did you mean "
        + String.join(" or ", suggestions.stream().map(s -> "'" + s + "'").toList())
        + "?";
  }

  static Optional<String> first(List<String> s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }
}
