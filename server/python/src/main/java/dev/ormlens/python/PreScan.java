package dev.ormlens.python;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides from a file's raw text, without parsing, whether it can hold anything the ORM model is
 * built from. A file passes (needs no tree-sitter parse) only when none of the words SQLAlchemy,
 * Flask-SQLAlchemy and SQLModel models are written with appears anywhere in it and no line starts a
 * class or a decorator: such a file can still import, define functions (lazy resolvers) and bind
 * names, which {@link LightReader} reads from its tokens.
 *
 * <p>Errs towards parsing: a word inside a comment or a string still sends the file to the parser.
 */
public final class PreScan {
  /**
   * Every word a model fact starts from: the callees {@link Callee} recognises, the class-body
   * names {@link ClassExtractor} reads, and the annotation and base names of mapped classes.
   */
  static final List<String> MODEL_WORDS =
      List.of(
          "relationship",
          "relation",
          "Relationship",
          "backref",
          "mapped_column",
          "Column",
          "Field",
          "ForeignKey",
          "Table",
          "MetaData",
          "metadata",
          "declarative_base",
          "DeclarativeBase",
          "registry",
          "generate_base",
          "SQLAlchemy",
          "SQLModel",
          "map_imperatively",
          "declared_attr",
          "Mapped",
          "__tablename__",
          "__table__",
          "__abstract__");

  private static final Pattern CLASS_OR_DECORATOR = Pattern.compile("(?m)^[ \\t]*(?:class\\b|@)");

  private PreScan() {}

  /** True when the file may define classes, tables, registries or mappings: parse it fully. */
  public static boolean needsFullParse(String text) {
    for (String word : MODEL_WORDS) {
      if (text.contains(word)) {
        return true;
      }
    }
    return CLASS_OR_DECORATOR.matcher(text).find();
  }
}
