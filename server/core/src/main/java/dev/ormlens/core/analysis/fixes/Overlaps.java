package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.model.RelationshipFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which relationships write the same foreign-key columns, as SQLAlchemy's {@code
 * _warn_for_conflicting_sync_targets} sees it: two relationships that copy into one column conflict
 * unless one is {@code viewonly}, they are each other's reverse, or one names the other in {@code
 * overlaps}. Relationships with custom join conditions are left out (their columns are
 * expressions).
 */
final class Overlaps {
  private Overlaps() {}

  /**
   * Attribute names of the relationships that conflict with {@code r}, sorted, as SQLAlchemy lists
   * them.
   */
  static Set<String> conflicting(Analysis analysis, ResolvedRelationship r) {
    Set<String> mine = writes(analysis.model(), r);
    Set<String> out = new TreeSet<>();
    if (mine.isEmpty()) {
      return out;
    }
    for (MappedClass c : analysis.model().classes()) {
      for (OrmModel.RelationshipSite site : c.relationships()) {
        if (site.fact() == r.site().fact()) {
          continue;
        }
        ResolvedRelationship p = analysis.resolve(site);
        if (p == null || reverse(r, p) || reverse(p, r) || mentions(r, p) || mentions(p, r)) {
          continue;
        }
        Set<String> theirs = writes(analysis.model(), p);
        theirs.retainAll(mine);
        if (!theirs.isEmpty()) {
          out.add(site.fact().attribute());
        }
      }
    }
    return out;
  }

  /** The {@code table.column}s the relationship copies values into. */
  static Set<String> writes(OrmModel model, ResolvedRelationship r) {
    RelationshipFact f = r.site().fact();
    MappedClass owner = r.site().owner();
    MappedClass target = r.targetClass();
    Set<String> out = new HashSet<>();
    if (f.viewonly()
        || target == null
        || owner.tableKey() == null
        || target.tableKey() == null
        || !f.joinFromForeignKeys()
        || owner.tableKey().equals(target.tableKey())) {
      return out;
    }
    String metadata = model.metadataOf(owner.registryId());
    if (r.secondaryTable() != null) {
      MappedTable s = r.secondaryTable();
      for (ColumnSite col : s.columns()) {
        String to = referenced(col);
        if (owner.tableKey().equals(to) || target.tableKey().equals(to)) {
          out.add(s.key() + "." + col.fact().name());
        }
      }
      return out;
    }
    if (f.secondary() != null) {
      return out;
    }
    addReferencing(model, metadata, owner.tableKey(), target.tableKey(), out);
    addReferencing(model, metadata, target.tableKey(), owner.tableKey(), out);
    return out;
  }

  private static void addReferencing(
      OrmModel model, String metadata, String from, String to, Set<String> out) {
    for (MappedTable t : model.tables(metadata, from)) {
      for (ColumnSite col : t.columns()) {
        if (to.equals(referenced(col))) {
          out.add(t.key() + "." + col.fact().name());
        }
      }
    }
  }

  private static String referenced(ColumnSite col) {
    List<String> tables = new ArrayList<>();
    for (ForeignKeyFact fk : col.fact().foreignKeys()) {
      if (fk.target() != null && fk.target().value().lastIndexOf('.') > 0) {
        String v = fk.target().value();
        tables.add(v.substring(0, v.lastIndexOf('.')));
      }
    }
    return tables.isEmpty() ? null : tables.get(0);
  }

  private static boolean reverse(ResolvedRelationship a, ResolvedRelationship b) {
    RelationshipFact f = a.site().fact();
    boolean named =
        (f.backPopulates() != null && f.backPopulates().value().equals(b.site().fact().attribute()))
            || (f.backref() != null && f.backref().value().equals(b.site().fact().attribute()));
    return named
        && a.targetClass() != null
        && a.targetClass().qualifiedName().equals(b.site().owner().qualifiedName());
  }

  private static boolean mentions(ResolvedRelationship a, ResolvedRelationship b) {
    RelationshipFact f = a.site().fact();
    if (f.overlaps() == null) {
      return false;
    }
    for (String n : f.overlaps().value().split("[,\\s]+")) {
      if (n.equals(b.site().fact().attribute()) || n.equals("__*")) {
        return true;
      }
    }
    return false;
  }
}
