package dev.ormlens.core.analysis;

import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.model.ImperativeMappingFact;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.StringLiteral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The foreign-key columns each relationship writes on flush (SQLAlchemy's synchronize pairs), and
 * the relationships that write a column another, unlinked relationship already writes. This is
 * {@code _warn_for_conflicting_sync_targets} in {@code sqlalchemy/orm/relationships.py} (SAWarning
 * qzyx), replayed over the model in the order SQLAlchemy configures mappers: the order the
 * application's imports create them ({@link ImportAnalysis#runRank}), each class's relationships in
 * definition order, a backref just before the relationship that creates it. The order decides which
 * of two writers is warned about: the one configured second.
 *
 * <p>A relationship whose columns we cannot tell for certain (explicit join strings, keys given as
 * expressions, ambiguous foreign keys, unresolved tables) writes nothing here: no false alarms.
 */
public final class SyncTargets {
  /** A relationship that writes columns: declared, or created by another's {@code backref}. */
  public record Writer(
      RelationshipSite site,
      String key,
      MappedClass parent,
      MappedClass target,
      boolean fromBackref,
      Set<String> overlaps,
      List<Copy> copies) {
    /** As SQLAlchemy names a relationship: {@code Parent.children}. */
    public String describe() {
      return parent.name() + "." + key;
    }
  }

  /**
   * A column value copied on flush: {@code from} the referenced column {@code to} the key column;
   * {@code metadataId} tells apart same-named tables of different metadata.
   */
  public record Copy(String from, String to, String metadataId) {}

  /** A column of a metadata's table, as writers are grouped. */
  private record Column(String metadataId, String column) {}

  /** A relationship SQLAlchemy warns about, the column, and the earlier writers it clashes with. */
  public record Conflict(Writer writer, Copy copy, List<Writer> others) {}

  private final OrmModel model;
  private final List<Conflict> conflicts = new ArrayList<>();

  private SyncTargets(OrmModel model) {
    this.model = model;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  /**
   * The writers and conflicts of a snapshot. {@code known} holds writers already worked out, by
   * resolved relationship (identity): a resolution carried over from the previous snapshot read
   * nothing that changed, so its writers are the same; new ones are added to it.
   */
  static SyncTargets of(
      OrmModel model,
      NameLookup lookup,
      Function<RelationshipSite, ResolvedRelationship> resolve,
      ImportAnalysis imports,
      Map<ResolvedRelationship, List<Writer>> known) {
    SyncTargets s = new SyncTargets(model);
    Map<Column, List<Writer>> byColumn = new LinkedHashMap<>();
    for (MappedClass c : creationOrder(model, imports)) {
      for (RelationshipSite site : c.relationships()) {
        ResolvedRelationship r = resolve.apply(site);
        List<Writer> writers = r == null ? List.of() : known.get(r);
        if (writers == null) {
          writers = s.writers(lookup, r);
          known.put(r, writers);
        }
        for (Writer w : writers) {
          s.register(w, byColumn);
        }
      }
    }
    return s;
  }

  /** Mapped classes in the order their mappers are created: by run rank, then position. */
  private static List<MappedClass> creationOrder(OrmModel model, ImportAnalysis imports) {
    Map<MappedClass, long[]> keys = new IdentityHashMap<>();
    for (MappedClass c : model.classes()) {
      int at = createdAt(c);
      keys.put(c, new long[] {imports.runRank(c.file().path(), at), at});
    }
    List<MappedClass> classes = new ArrayList<>(model.classes());
    classes.sort(
        Comparator.comparingLong((MappedClass c) -> keys.get(c)[0])
            .thenComparingLong(c -> keys.get(c)[1]));
    return classes;
  }

  /** Where the mapper is created: the {@code map_imperatively} call, or the class statement. */
  private static int createdAt(MappedClass c) {
    for (ImperativeMappingFact m : c.file().imperativeMappings()) {
      if (m.mappedClass() != null && c.qualifiedName().equals(m.mappedClass().qualified())) {
        return m.range().start();
      }
    }
    return c.fact().range().start();
  }

  private void register(Writer w, Map<Column, List<Writer>> byColumn) {
    for (Copy copy : w.copies()) {
      List<Writer> earlier =
          byColumn.computeIfAbsent(
              new Column(copy.metadataId(), copy.to()), k -> new ArrayList<>());
      List<Writer> others = new ArrayList<>();
      for (Writer pr : earlier) {
        if (pr != w && clash(w, pr)) {
          others.add(pr);
        }
      }
      if (!others.isEmpty()) {
        conflicts.add(new Conflict(w, copy, List.copyOf(others)));
      }
      earlier.add(w);
    }
  }

  /** The relationship's writer, preceded by its backref's: SQLAlchemy sets the backref up first. */
  private List<Writer> writers(NameLookup lookup, ResolvedRelationship r) {
    if (r == null || r.targetClass() == null) {
      return List.of();
    }
    RelationshipFact f = r.site().fact();
    if (f.viewonly() || f.conditional() || !f.joinFromForeignKeys()) {
      return List.of();
    }
    List<Copy> copies = copies(lookup, r);
    if (copies == null || copies.isEmpty()) {
      return List.of();
    }
    Writer own =
        new Writer(
            r.site(),
            f.attribute(),
            r.site().owner(),
            r.targetClass(),
            false,
            overlaps(f.overlaps()),
            copies);
    if (f.backref() == null) {
      return List.of(own);
    }
    Writer back =
        new Writer(
            r.site(),
            f.backref().value(),
            r.targetClass(),
            r.site().owner(),
            true,
            Set.of(),
            copies);
    return List.of(back, own);
  }

  private static Set<String> overlaps(StringLiteral overlaps) {
    if (overlaps == null) {
      return Set.of();
    }
    return Set.copyOf(List.of(overlaps.value().strip().split("\\s*,\\s*")));
  }

  /** The columns the relationship writes, or null when we cannot tell. */
  private List<Copy> copies(NameLookup lookup, ResolvedRelationship r) {
    MappedTable owner = lookup.tableOf(r.site().owner());
    MappedTable target = lookup.tableOf(r.targetClass());
    if (owner == null || target == null || !owner.complete() || !target.complete()) {
      return null;
    }
    if (r.secondaryTable() != null) {
      MappedTable secondary = r.secondaryTable();
      List<Copy> toOwner = references(secondary, owner);
      List<Copy> toTarget = references(secondary, target);
      if (!secondary.complete()
          || owner.key().equals(target.key())
          || toOwner == null
          || toTarget == null
          || toOwner.isEmpty()
          || toTarget.isEmpty()) {
        return null;
      }
      List<Copy> out = new ArrayList<>(toOwner);
      out.addAll(toTarget);
      return out;
    }
    if (r.site().fact().secondary() != null || r.site().fact().linkModel() != null) {
      return null;
    }
    List<Copy> oneToMany = references(target, owner);
    List<Copy> manyToOne = references(owner, target);
    if (oneToMany == null || manyToOne == null) {
      return null;
    }
    if (owner.key().equals(target.key())) {
      return oneToMany;
    }
    if (!oneToMany.isEmpty() && !manyToOne.isEmpty()) {
      return null; // Foreign keys both ways: SQLAlchemy needs foreign_keys= to choose.
    }
    return oneToMany.isEmpty() ? manyToOne : oneToMany;
  }

  /** Columns of {@code table} with a foreign key to {@code referenced}; null if unknowable. */
  private static List<Copy> references(MappedTable table, MappedTable referenced) {
    List<Copy> out = new ArrayList<>();
    for (ColumnSite c : table.columns()) {
      for (ForeignKeyFact fk : c.fact().foreignKeys()) {
        if (fk.target() == null) {
          return null;
        }
        String value = fk.target().value();
        int dot = value.lastIndexOf('.');
        String key = referenced.key();
        if (dot == key.length() && value.startsWith(key)) {
          out.add(new Copy(value, table.key() + "." + c.fact().name(), table.metadataId()));
        }
      }
    }
    return out;
  }

  // ---- the exemptions of _warn_for_conflicting_sync_targets

  private boolean clash(Writer w, Writer pr) {
    return !reverse(w, pr)
        && !w.overlaps().contains(pr.key())
        && !pr.overlaps().contains(w.key())
        && !sibling(w.parent(), pr.parent())
        && !sibling(w.target(), pr.target())
        && !sibling(w.parent(), pr.target())
        && !sibling(w.target(), pr.parent())
        && (!w.key().equals(pr.key()) || base(w.parent()) != base(pr.parent()));
  }

  /** Linked by {@code back_populates} (either side) or by one being the other's backref. */
  private boolean reverse(Writer a, Writer b) {
    if (a.site() == b.site() && a.fromBackref() != b.fromBackref()) {
      return true;
    }
    return pointsAt(a, b) || pointsAt(b, a);
  }

  private boolean pointsAt(Writer a, Writer b) {
    StringLiteral back = a.fromBackref() ? null : a.site().fact().backPopulates();
    return back != null
        && back.value().equals(b.key())
        && (model.isSubclass(a.target(), b.parent()) || model.isSubclass(b.parent(), a.target()));
  }

  /** Two mappers of one hierarchy, neither inheriting from the other. */
  private boolean sibling(MappedClass a, MappedClass b) {
    return base(a) == base(b) && !model.isSubclass(a, b) && !model.isSubclass(b, a);
  }

  private MappedClass base(MappedClass c) {
    MappedClass k = c;
    while (k.superclass() != null && model.mappedClass(k.superclass()).isPresent()) {
      k = model.mappedClass(k.superclass()).get();
    }
    return k;
  }
}
