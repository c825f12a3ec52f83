package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.features.DocumentSymbols.Kind;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Workspace symbols: mapped classes, tables and relationships whose name matches the query as a
 * case-insensitive subsequence ({@code "chpa"} finds {@code Child.parent}), best matches first.
 */
public final class WorkspaceSymbols {
  /** One match, with the module or class it belongs to. */
  public record Match(String name, Kind kind, String container, Location location) {}

  private static final int LIMIT = 500;

  private WorkspaceSymbols() {}

  public static List<Match> search(Analysis analysis, String query) {
    String q = query.toLowerCase(Locale.ROOT).strip();
    List<Match> out = new ArrayList<>();
    for (MappedClass c : analysis.model().classes()) {
      add(
          out,
          q,
          new Match(c.name(), Kind.CLASS, c.module(), loc(c.file().path(), c.fact().nameRange())));
      for (RelationshipSite r : c.relationships()) {
        add(
            out,
            q,
            new Match(
                c.name() + "." + r.fact().attribute(),
                Kind.RELATIONSHIP,
                c.qualifiedName(),
                loc(r.file().path(), r.fact().attributeRange())));
      }
    }
    for (var registry : analysis.model().registries()) {
      for (MappedTable t : analysis.model().tables(registry.metadataId())) {
        add(
            out,
            q,
            new Match(t.key(), Kind.TABLE, t.file().module(), loc(t.file().path(), t.nameRange())));
      }
    }
    out.sort(
        Comparator.comparingInt((Match m) -> m.name().length())
            .thenComparing(Match::name)
            .thenComparing(m -> m.location().path()));
    List<Match> distinct = out.stream().distinct().limit(LIMIT).toList();
    return distinct;
  }

  private static Location loc(String path, dev.ormlens.core.text.TextRange r) {
    return new Location(path, r);
  }

  private static void add(List<Match> out, String query, Match m) {
    if (subsequence(query, m.name().toLowerCase(Locale.ROOT))) {
      out.add(m);
    }
  }

  private static boolean subsequence(String query, String name) {
    int i = 0;
    for (int k = 0; k < name.length() && i < query.length(); k++) {
      if (name.charAt(k) == query.charAt(i)) {
        i++;
      }
    }
    return i == query.length();
  }
}
