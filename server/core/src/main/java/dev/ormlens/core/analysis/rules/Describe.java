package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Shared wording: how SQLAlchemy names mappers, and did-you-mean suggestions. */
final class Describe {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Describe() {}

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
