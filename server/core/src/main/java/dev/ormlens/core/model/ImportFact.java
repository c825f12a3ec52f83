package dev.ormlens.core.model;

import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * One import statement. {@code module} is absolute (relative imports already resolved against the
 * importing module); for {@code import a.b.c} the names list is empty and {@code alias} may be set.
 */
public record ImportFact(
    String module,
    TextRange moduleRange,
    boolean fromImport,
    List<ImportedName> names,
    String alias,
    ImportContext context,
    TextRange statementRange) {

  /** One name of a {@code from m import name as alias} statement. */
  public record ImportedName(String name, String alias, TextRange range) {
    public String boundName() {
      return alias != null ? alias : name;
    }
  }
}
