package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Lookup;
import dev.ormlens.core.analysis.Reference;
import dev.ormlens.core.analysis.Reference.Target;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hover: what the name under the cursor resolves to and where it lives; on a relationship (its
 * attribute, target or {@code back_populates}), its direction, join columns, association table,
 * reciprocal attribute and the resolver function behind a lazy target. Markdown.
 */
public final class Hover {
  /** The hovered range and the markdown to show. */
  public record Result(TextRange range, String markdown) {}

  private Hover() {}

  public static Optional<Result> at(Analysis analysis, String path, int offset) {
    SymbolAt at = SymbolAt.find(analysis, path, offset).orElse(null);
    ResolvedRelationship relationship = relationshipAt(analysis, path, offset, at);
    if (at == null && relationship == null) {
      return Optional.empty();
    }
    List<String> sections = new ArrayList<>();
    if (at != null && !(at.target() instanceof Target.RelationshipTarget && relationship != null)) {
      sections.add(describe(analysis, at.target()));
    }
    if (relationship != null) {
      sections.add(relationship(analysis, relationship));
    }
    TextRange range = at != null ? at.range() : relationship.site().fact().attributeRange();
    return Optional.of(new Result(range, String.join("\n\n---\n\n", sections)));
  }

  /** The relationship whose attribute or call the cursor is in, or that the symbol denotes. */
  private static ResolvedRelationship relationshipAt(
      Analysis analysis, String path, int offset, SymbolAt at) {
    if (at != null
        && at.target() instanceof Target.RelationshipTarget rt
        && at.reference() != null
        && at.reference().kind() != Reference.Kind.BACK_POPULATES) {
      return analysis.resolve(rt.relationship());
    }
    for (ResolvedRelationship r : analysis.resolution(path).relationships()) {
      var f = r.site().fact();
      if (f.attributeRange().contains(offset) || f.callRange().contains(offset)) {
        return r;
      }
    }
    return null;
  }

  static String describe(Analysis analysis, Target target) {
    if (target instanceof Target.MappedClassTarget c) {
      MappedClass m = c.mappedClass();
      MappedTable table = analysis.tableOf(m);
      return "```python\nclass "
          + m.name()
          + "\n```\nmapped class `"
          + m.qualifiedName()
          + "`"
          + (table != null ? ", table `" + table.key() + "`" : "")
          + "  \n"
          + where(m.file().path(), m.module());
    }
    if (target instanceof Target.TableTarget t) {
      MappedTable table = t.table();
      StringBuilder b = new StringBuilder("table `" + table.key() + "`");
      if (table.mappedClass() != null) {
        b.append(" of class `").append(table.mappedClass()).append('`');
      }
      b.append("  \ncolumns: ");
      List<String> cols = new ArrayList<>();
      table.columns().forEach(col -> cols.add("`" + col.fact().name() + "`"));
      b.append(cols.isEmpty() ? "none known" : String.join(", ", cols));
      return b + "  \n" + where(table.file().path(), table.file().module());
    }
    if (target instanceof Target.ColumnTarget col) {
      var f = col.column().fact();
      String table = col.table() == null ? "?" : col.table().key();
      return "column `"
          + table
          + "."
          + f.name()
          + "`"
          + (f.type() != null ? ": `" + f.type() + "`" : "")
          + (f.primaryKey() ? " (primary key)" : "")
          + "  \n"
          + where(col.column().file().path(), col.column().file().module());
    }
    if (target instanceof Target.RelationshipTarget r) {
      RelationshipSite site = r.relationship();
      ResolvedRelationship resolved = analysis.resolve(site);
      return resolved != null
          ? relationship(analysis, resolved)
          : "relationship `" + site.owner().name() + "." + site.fact().attribute() + "`";
    }
    if (target instanceof Target.FunctionTarget f) {
      return "resolver `"
          + f.function().name()
          + "()`  \n"
          + where(f.file().path(), f.file().module());
    }
    return "";
  }

  static String relationship(Analysis analysis, ResolvedRelationship r) {
    RelationshipSite site = r.site();
    Direction direction = Direction.of(analysis, r);
    StringBuilder b = new StringBuilder();
    b.append("relationship `")
        .append(site.owner().name())
        .append('.')
        .append(site.fact().attribute())
        .append("` → ");
    MappedClass target = r.targetClass();
    b.append(target != null ? "`" + target.name() + "`" : "unresolved target");
    b.append(" (").append(direction.kind().label()).append(')');
    if (target != null) {
      b.append("  \ntarget: `")
          .append(target.qualifiedName())
          .append("` in ")
          .append(where(target.file().path(), target.module()));
    }
    FunctionFact resolver = resolver(r.target());
    if (resolver != null) {
      b.append("  \nresolved lazily by `").append(resolver.name()).append("()`");
    }
    if (r.secondaryTable() != null) {
      b.append("  \nassociation table: `").append(r.secondaryTable().key()).append('`');
    }
    if (!direction.joinColumns().isEmpty()) {
      b.append("  \njoin: ");
      List<String> joins = new ArrayList<>();
      direction.joinColumns().forEach(j -> joins.add("`" + j + "`"));
      b.append(String.join(", ", joins));
    }
    if (site.fact().backPopulates() != null && target != null) {
      String attr = site.fact().backPopulates().value();
      boolean exists = analysis.model().relationship(target, attr).isPresent();
      b.append("  \nreciprocal: `")
          .append(target.name())
          .append('.')
          .append(attr)
          .append('`')
          .append(exists ? "" : " (missing)");
    } else if (site.fact().backref() != null) {
      b.append("  \nbackref: `").append(site.fact().backref().value()).append('`');
    }
    return b.toString();
  }

  private static FunctionFact resolver(Lookup l) {
    return l instanceof Lookup.FoundClass fc ? fc.viaResolver() : null;
  }

  private static String where(String path, String module) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return module == null || module.isEmpty()
        ? "`" + file + "`"
        : "module `" + module + "` (`" + file + "`)";
  }
}
