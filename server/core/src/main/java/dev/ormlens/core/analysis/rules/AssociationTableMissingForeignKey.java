package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.ForeignKeyFact;
import dev.ormlens.core.text.TextRange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ORM303: a many-to-many whose association table lacks a foreign key to one side, with no explicit
 * join. SQLAlchemy raises {@code NoForeignKeysError: Could not determine join condition} at
 * configuration.
 */
public final class AssociationTableMissingForeignKey implements Rule {
  public static final String CODE = "ORM303";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    for (ResolvedRelationship r : ctx.checkedRelationships()) {
      MappedTable secondary = r.secondaryTable();
      MappedClass target = r.targetClass();
      if (secondary == null
          || target == null
          || !secondary.complete()
          || !r.site().fact().joinFromForeignKeys()) {
        continue;
      }
      String ownerTable = tableKey(ctx, r.site().owner());
      String targetTable = tableKey(ctx, target);
      if (ownerTable == null || targetTable == null) {
        continue;
      }
      Set<String> referenced = referencedTables(secondary);
      String missing =
          referenced == null
              ? null
              : !referenced.contains(ownerTable)
                  ? ownerTable
                  : !referenced.contains(targetTable) ? targetTable : null;
      if (missing == null) {
        continue;
      }
      // secondary=... or, in SQLModel, link_model=...
      TextRange where =
          r.site().fact().secondary() != null
              ? r.site().fact().secondary().range()
              : r.site().fact().linkModel().range();
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              where,
              "association table '"
                  + secondary.key()
                  + "' has no foreign key to '"
                  + missing
                  + "': SQLAlchemy raises"
                  + " NoForeignKeysError (Could not determine join condition between parent/child tables on relationship "
                  + r.site().owner().name()
                  + "."
                  + r.site().fact().attribute()
                  + ") when configuring.",
              List.of(
                  RuleContext.related(
                      new Location(secondary.file().path(), secondary.nameRange()),
                      "the association table"))));
    }
  }

  /**
   * The tables the association table's foreign keys name, or null when one is written as {@code
   * ForeignKey(Parent.id)}: we cannot tell which table that is, so we say nothing about this table.
   */
  private static Set<String> referencedTables(MappedTable secondary) {
    Set<String> referenced = new HashSet<>();
    for (ColumnSite c : secondary.columns()) {
      for (ForeignKeyFact fk : c.fact().foreignKeys()) {
        if (fk.target() == null) {
          return null;
        }
        String v = fk.target().value();
        referenced.add(v.contains(".") ? v.substring(0, v.lastIndexOf('.')) : v);
      }
    }
    return referenced;
  }

  private static String tableKey(RuleContext ctx, MappedClass c) {
    for (MappedClass k = c;
        k != null;
        k = k.superclass() == null ? null : ctx.model().mappedClass(k.superclass()).orElse(null)) {
      if (k.tableKey() != null) {
        // A computed name or schema (declared_attr, a helper): the key we hold may not be its own.
        return k.complete() ? k.tableKey() : null;
      }
    }
    return null;
  }
}
