package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.ForeignKeyFact;
import java.util.ArrayList;
import java.util.List;

/**
 * A relationship's direction and join columns, worked out as SQLAlchemy does: a {@code secondary}
 * makes it many-to-many; otherwise the side whose table holds the foreign key to the other is the
 * "many" side. When the keys do not tell (self-reference, unknown tables), the annotation's
 * collection-ness decides, as {@code uselist} would.
 */
public record Direction(Kind kind, List<String> joinColumns) {
  /** The direction, as SQLAlchemy names it. */
  public enum Kind {
    MANYTOONE("many-to-one"),
    ONETOMANY("one-to-many"),
    MANYTOMANY("many-to-many"),
    UNKNOWN("unknown");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static Direction of(Analysis analysis, ResolvedRelationship r) {
    MappedClass owner = r.site().owner();
    MappedClass target = r.targetClass();
    MappedTable ownerTable = analysis.tableOf(owner);
    MappedTable targetTable = target == null ? null : analysis.tableOf(target);
    if (r.site().fact().secondary() != null || r.site().fact().linkModel() != null) {
      List<String> joins = new ArrayList<>();
      if (r.secondaryTable() != null) {
        joins.addAll(keysTo(r.secondaryTable(), ownerTable));
        joins.addAll(keysTo(r.secondaryTable(), targetTable));
      }
      return new Direction(Kind.MANYTOMANY, List.copyOf(joins));
    }
    List<String> toOwner = keysTo(targetTable, ownerTable);
    List<String> toTarget = keysTo(ownerTable, targetTable);
    boolean selfReferential = ownerTable != null && ownerTable == targetTable;
    if (!selfReferential && !toOwner.isEmpty() && toTarget.isEmpty()) {
      return new Direction(Kind.ONETOMANY, toOwner);
    }
    if (!selfReferential && !toTarget.isEmpty() && toOwner.isEmpty()) {
      return new Direction(Kind.MANYTOONE, toTarget);
    }
    List<String> joins = new ArrayList<>(toTarget);
    if (!selfReferential) {
      joins.addAll(toOwner);
    }
    var annotation = r.site().fact().annotation();
    if (annotation != null) {
      return new Direction(
          annotation.collection() ? Kind.ONETOMANY : Kind.MANYTOONE, List.copyOf(joins));
    }
    return new Direction(Kind.UNKNOWN, List.copyOf(joins));
  }

  /** {@code child.parent_id → parent.id} for each key of {@code from} that points at {@code to}. */
  static List<String> keysTo(MappedTable from, MappedTable to) {
    List<String> out = new ArrayList<>();
    if (from == null || to == null) {
      return out;
    }
    for (ColumnSite col : from.columns()) {
      for (ForeignKeyFact fk : col.fact().foreignKeys()) {
        if (fk.target() == null) {
          continue;
        }
        String value = fk.target().value();
        int dot = value.lastIndexOf('.');
        if (dot > 0 && value.substring(0, dot).equals(to.key())) {
          out.add(from.key() + "." + col.fact().name() + " → " + value);
        }
      }
    }
    return out;
  }
}
