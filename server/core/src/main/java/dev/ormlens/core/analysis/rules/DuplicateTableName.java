package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedTable;
import java.util.ArrayList;
import java.util.List;

/**
 * ORM302: two tables of one name in one {@code MetaData}. SQLAlchemy raises {@code
 * InvalidRequestError: Table '...' is already defined for this MetaData instance} when the second
 * is created, at import, unless the later definition says {@code extend_existing=True} or {@code
 * keep_existing=True} (then it amends or reuses the first).
 */
public final class DuplicateTableName implements Rule {
  public static final String CODE = "ORM302";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    OrmModel model = ctx.model();
    String path = ctx.file().path();
    // Only this file's tables can be reported here: start from them, not from every table.
    for (MappedTable t : model.tablesIn(path)) {
      for (OrmModel.Registry registry : model.registries()) {
        if (!registry.metadataId().equals(t.metadataId())) {
          continue;
        }
        List<MappedTable> tables = model.allTables(registry.metadataId()).get(t.key());
        // Import order decides which definition comes first; we do not know it for sure, so any
        // order in which every later one may extend is given the benefit of the doubt.
        if (tables.stream().filter(x -> !x.extendExisting()).count() < 2) {
          continue;
        }
        List<Diagnostic.Related> related = new ArrayList<>();
        for (MappedTable other : tables) {
          if (other != t) {
            related.add(
                RuleContext.related(
                    new Location(other.file().path(), other.nameRange()), "also defined here"));
          }
        }
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                t.nameRange(),
                "table '"
                    + t.key()
                    + "' is defined "
                    + tables.size()
                    + " times in one MetaData: SQLAlchemy raises"
                    + " InvalidRequestError (Table '"
                    + t.key()
                    + "' is already defined for this MetaData instance)"
                    + " when the second one is created.",
                related));
      }
    }
  }
}
