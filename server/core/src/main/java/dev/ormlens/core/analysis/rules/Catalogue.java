package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every diagnostic code ORM Lens ships: what each means, its default severity and
 * where its documentation lives. One source for SARIF rule metadata, the language server's {@code
 * codeDescription} and {@code docs/rules.md}. Codes are stable once shipped.
 */
public final class Catalogue {
  /**
   * Where the project's repository will be published; every documentation link (the language
   * server's {@code codeDescription}, SARIF {@code helpUri}) is built from it and nowhere else. It
   * is not public yet: set it to the real address when the project is published. The anchors
   * ({@code <a id="orm101">} in {@code docs/rules.md}) are checked by a test.
   */
  public static final String HOME_URI = "https://github.com/ormlens/ormlens";

  /** One code's entry. */
  public record Entry(String code, String title, String description, Severity defaultSeverity) {
    /** The code's section of {@code docs/rules.md}, by its explicit {@code <a id>} anchor. */
    public String helpUri() {
      return HOME_URI + "/blob/main/docs/rules.md#" + code.toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final List<Entry> ALL =
      List.of(
          new Entry(
              "ORM001",
              "Syntax error",
              "The file does not parse. Python raises SyntaxError on import; ORM Lens still reads"
                  + " what it can of the rest of the file.",
              Severity.ERROR),
          new Entry(
              "ORM101",
              "Unknown relationship target",
              "A relationship() target names no mapped class in the owner's registry. SQLAlchemy"
                  + " raises InvalidRequestError (\"failed to locate a name\") when it configures"
                  + " the mapper; a bare name that does not exist raises NameError at import.",
              Severity.ERROR),
          new Entry(
              "ORM102",
              "Unknown secondary table",
              "secondary= names no table in the owner's MetaData (InvalidRequestError at mapper"
                  + " configuration), or names the association class instead of its table"
                  + " (ArgumentError).",
              Severity.ERROR),
          new Entry(
              "ORM103",
              "back_populates names a missing attribute",
              "back_populates or backref names an attribute the target class does not have, or one"
                  + " that is not a relationship. SQLAlchemy raises InvalidRequestError at mapper"
                  + " configuration.",
              Severity.ERROR),
          new Entry(
              "ORM104",
              "back_populates is not reciprocal",
              "back_populates names a relationship that does not point back. One-sided, or naming"
                  + " another relationship to the same class, SQLAlchemy accepts silently and the"
                  + " two sides drift apart in memory (warning); naming a relationship to another"
                  + " class is an error.",
              Severity.WARNING),
          new Entry(
              "ORM105",
              "Unknown foreign key target",
              "ForeignKey(\"table.column\") names an unknown table or column. SQLAlchemy raises"
                  + " NoReferencedTableError or NoReferencedColumnError at create_all, and a"
                  + " relationship relying on the key raises NoForeignKeysError at configuration.",
              Severity.ERROR),
          new Entry(
              "ORM106",
              "Ambiguous class name",
              "An unqualified class name matches several classes in one registry. SQLAlchemy raises"
                  + " InvalidRequestError (\"Multiple classes found for path\") when a string names"
                  + " it; use the module-qualified path.",
              Severity.ERROR),
          new Entry(
              "ORM107",
              "Annotation and relationship target disagree",
              "The Mapped[...] annotation names one class and relationship() another. SQLAlchemy"
                  + " follows the relationship() argument, so type checkers and the running code"
                  + " disagree.",
              Severity.WARNING),
          new Entry(
              "ORM201",
              "Circular import fails",
              "Importing the application's first module runs into a module that is only half"
                  + " initialised and does not yet define the imported name: Python raises"
                  + " ImportError (\"cannot import name ... from partially initialized module\").",
              Severity.ERROR),
          new Entry(
              "ORM202",
              "Model module never imported",
              "A class or table named by a string, an annotation or a resolver lives in a module"
                  + " that has not run when mappers are configured. SQLAlchemy raises"
                  + " InvalidRequestError (\"failed to locate a name\"), or a class first imported"
                  + " by a resolver during configuration fails on first use (_append_token).",
              Severity.ERROR),
          new Entry(
              "ORM203",
              "Annotation name is not defined",
              "A name used in an annotation is neither imported nor defined. Python raises"
                  + " NameError when it evaluates the annotation at class creation; SQLAlchemy"
                  + " raises MappedAnnotationError for a lazy one it cannot resolve.",
              Severity.ERROR),
          new Entry(
              "ORM301",
              "Relationships overlap",
              "Two relationships write the same foreign-key columns without viewonly=True or"
                  + " overlaps= naming each other. SQLAlchemy emits SAWarning qzyx (\"relationship"
                  + " X will copy column ... which conflicts with relationship(s): Y\") at mapper"
                  + " configuration, and the two may write conflicting values on flush.",
              Severity.WARNING),
          new Entry(
              "ORM302",
              "Duplicate table name",
              "Two tables of one name in one MetaData. SQLAlchemy raises InvalidRequestError (\"Table"
                  + " is already defined for this MetaData instance\") when the second is created.",
              Severity.ERROR),
          new Entry(
              "ORM303",
              "Association table without foreign keys to both sides",
              "A many-to-many whose association table lacks a foreign key to one side, with no"
                  + " explicit join. SQLAlchemy raises NoForeignKeysError (\"Could not determine"
                  + " join condition\") at mapper configuration.",
              Severity.ERROR));

  private Catalogue() {}

  /** Every entry, in code order. */
  public static List<Entry> all() {
    return ALL;
  }

  public static Optional<Entry> entry(String code) {
    return ALL.stream().filter(e -> e.code().equals(code)).findFirst();
  }
}
