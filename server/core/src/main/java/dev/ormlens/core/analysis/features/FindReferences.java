package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Find references: every place in the workspace that names the class, table, relationship or column
 * under the cursor, strings included ({@code "Child"}, {@code "shop.child.Child"}, {@code
 * secondary="links"}, {@code ForeignKey("child.id")}, {@code back_populates}, join expressions).
 */
public final class FindReferences {
  private FindReferences() {}

  public static List<Location> find(
      Analysis analysis, String path, int offset, boolean includeDeclaration) {
    SymbolAt at = SymbolAt.find(analysis, path, offset).orElse(null);
    if (at == null) {
      return List.of();
    }
    List<Location> out = new ArrayList<>();
    if (includeDeclaration) {
      out.add(at.target().definition());
    }
    for (Reference r : analysis.referencesTo(at.target())) {
      out.add(new Location(r.path(), r.range()));
    }
    out.sort(
        Comparator.comparing(Location::path).thenComparingInt((Location l) -> l.range().start()));
    return List.copyOf(out);
  }
}
