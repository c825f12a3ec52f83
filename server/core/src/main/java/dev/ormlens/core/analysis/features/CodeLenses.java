package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Reference;
import dev.ormlens.core.analysis.Reference.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Code lenses over mapped classes, tables and relationships: how many places in the workspace name
 * them (strings included), with those places for the editor's peek view.
 */
public final class CodeLenses {
  /** A lens: the declaration it sits on, its title and the references it counts. */
  public record Lens(Location declaration, String title, List<Location> references) {}

  private CodeLenses() {}

  public static List<Lens> of(Analysis analysis, String path) {
    List<Lens> out = new ArrayList<>();
    for (SymbolAt d : SymbolAt.declarations(analysis, path)) {
      if (d.target() instanceof Target.ColumnTarget) {
        continue;
      }
      List<Location> refs = new ArrayList<>();
      for (Reference r : analysis.referencesTo(d.target())) {
        refs.add(new Location(r.path(), r.range()));
      }
      String title = refs.size() == 1 ? "1 reference" : refs.size() + " references";
      out.add(new Lens(new Location(path, d.range()), title, List.copyOf(refs)));
    }
    return List.copyOf(out);
  }
}
