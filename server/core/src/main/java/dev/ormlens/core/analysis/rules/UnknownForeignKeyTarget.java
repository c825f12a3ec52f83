package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution.ResolvedForeignKey;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import java.util.ArrayList;
import java.util.List;

/**
 * ORM105: {@code ForeignKey("table.column")} with an unknown table or column. SQLAlchemy raises
 * {@code NoReferencedTableError}/{@code NoReferencedColumnError} at {@code create_all}, and a
 * relationship relying on the key raises {@code NoForeignKeysError} at configuration.
 */
public final class UnknownForeignKeyTarget implements Rule {
  public static final String CODE = "ORM105";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    OrmModel model = ctx.model();
    for (ResolvedForeignKey fk : ctx.resolution().foreignKeys()) {
      if (fk.metadataId().equals(OrmModel.UNKNOWN_METADATA) || fk.foreignKey().target() == null) {
        continue;
      }
      String value = fk.foreignKey().target().value();
      if (!value.contains(".")) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                fk.foreignKey().target().literalRange(),
                "ForeignKey('"
                    + value
                    + "') must name 'table.column': SQLAlchemy raises ArgumentError.",
                List.of()));
      } else if (fk.table() == null && !model.hasUnnamedTables(fk.metadataId())) {
        List<String> suggestions =
            Describe.closest(fk.tableKey(), model.allTables(fk.metadataId()).keySet());
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                fk.foreignKey().target().literalRange(),
                "no table named '"
                    + fk.tableKey()
                    + "' in this metadata: SQLAlchemy raises NoReferencedTableError at"
                    + " create_all, and NoForeignKeysError when configuring a relationship that relies on this key."
                    + Describe.didYouMean(suggestions),
                List.of()));
      } else if (fk.table() != null && fk.column() == null && fk.table().complete()) {
        String column = value.substring(value.lastIndexOf('.') + 1);
        List<String> names = new ArrayList<>();
        for (ColumnSite c : fk.table().columns()) {
          names.add(c.fact().name());
        }
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                fk.foreignKey().target().literalRange(),
                "table '"
                    + fk.tableKey()
                    + "' has no column '"
                    + column
                    + "': SQLAlchemy raises NoReferencedColumnError"
                    + " at create_all, and NoForeignKeysError when configuring a relationship that relies on this key."
                    + Describe.didYouMean(Describe.closest(column, names)),
                List.of(
                    RuleContext.related(
                        new Location(fk.table().file().path(), fk.table().nameRange()),
                        "the table"))));
      }
    }
  }
}
