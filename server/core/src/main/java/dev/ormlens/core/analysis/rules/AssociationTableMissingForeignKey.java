package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.ForeignKeyFact;
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
    for (ResolvedRelationship r : ctx.resolution().relationships()) {
      MappedTable secondary = r.secondaryTable();
      MappedClass target = r.targetClass();
      if (secondary == null
          || target == null
          || !secondary.complete()
          || !r.site().fact().expressionStrings().isEmpty()) {
        continue;
      }
      String ownerTable = tableKey(ctx, r.site().owner());
      String targetTable = tableKey(ctx, target);
      if (ownerTable == null || targetTable == null) {
        continue;
      }
      Set<String> referenced = new HashSet<>();
      for (ColumnSite c : secondary.columns()) {
        for (ForeignKeyFact fk : c.fact().foreignKeys()) {
          if (fk.target() == null) {
            return; // ForeignKey(Parent.id): we cannot tell which table; say nothing.
          }
          String v = fk.target().value();
          referenced.add(v.contains(".") ? v.substring(0, v.lastIndexOf('.')) : v);
        }
      }
      String missing =
          !referenced.contains(ownerTable)
              ? ownerTable
              : !referenced.contains(targetTable) ? targetTable : null;
      if (missing == null) {
        continue;
      }
      var s = r.site().fact().secondary();
      out.add(
          ctx.diagnostic(
              CODE,
              Severity.ERROR,
              s.range(),
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

  private static String tableKey(RuleContext ctx, MappedClass c) {
    for (MappedClass k = c;
        k != null;
        k = k.superclass() == null ? null : ctx.model().mappedClass(k.superclass()).orElse(null)) {
      if (k.tableKey() != null) {
        return k.tableKey();
      }
    }
    return null;
  }
}
