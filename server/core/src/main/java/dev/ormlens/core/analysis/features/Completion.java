package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.FileResolution.ResolvedForeignKey;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.OrmModel.RelationshipSite;
import dev.ormlens.core.model.AnnotationFact;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.StringLiteral;
import dev.ormlens.core.model.TargetExpr;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion inside the strings SQLAlchemy resolves: class names in {@code relationship("},
 * attribute names in {@code back_populates="}, tables in {@code secondary="}, {@code table.column}
 * in {@code ForeignKey("}, and classes and their attributes in {@code primaryjoin}/{@code
 * foreign_keys}/{@code order_by} strings. Candidates come from the owner's registry and metadata,
 * ranked by module proximity (same module first, then the closest package).
 */
public final class Completion {
  /** What the candidate is. */
  public enum Kind {
    CLASS,
    TABLE,
    COLUMN,
    RELATIONSHIP
  }

  /**
   * One candidate.
   *
   * @param replace the range the insert text replaces (the string's content, or the word typed)
   * @param sortKey orders candidates: nearest module first
   */
  public record Item(
      String label,
      Kind kind,
      String detail,
      String insertText,
      TextRange replace,
      String sortKey) {}

  private static final Pattern ATTRIBUTE_PREFIX = Pattern.compile("([A-Za-z_]\\w*)\\.(\\w*)$");
  private static final Pattern WORD_PREFIX = Pattern.compile("(\\w*)$");

  private Completion() {}

  /**
   * Candidates at the offset, or empty outside every completable string.
   *
   * @param text the file's current text (for expression strings, the word before the cursor), or
   *     null
   */
  public static List<Item> at(Analysis analysis, String path, int offset, String text) {
    Sink out = new Sink(null, offset);
    collect(analysis, path, offset, text, out);
    return sorted(out.items);
  }

  /**
   * At most {@code limit} candidates at the offset, those whose label holds the typed characters in
   * order (ignoring case, as editors filter), nearest first; and whether any were left out, in
   * which case the editor must ask again as the user types. Candidates the typed text rules out are
   * not even built: a workspace with 10,000 classes would otherwise rank all of them per keystroke.
   */
  public static Narrowed narrowed(
      Analysis analysis, String path, int offset, String text, int limit) {
    Sink out = new Sink(text, offset);
    collect(analysis, path, offset, text, out);
    List<Item> items = sorted(out.items);
    boolean cut = items.size() > limit;
    return new Narrowed(cut ? items.subList(0, limit) : items, cut || out.leftOut);
  }

  private static void collect(Analysis analysis, String path, int offset, String text, Sink out) {
    for (ResolvedRelationship r : analysis.resolution(path).relationships()) {
      relationship(analysis, r, offset, text, out);
      if (!out.items.isEmpty() || out.leftOut) {
        return;
      }
    }
    for (ResolvedForeignKey fk : analysis.resolution(path).foreignKeys()) {
      StringLiteral s = fk.foreignKey().target();
      if (s != null && s.contentRange().contains(offset)) {
        foreignKeys(analysis, path, fk.metadataId(), s.contentRange(), out);
        return;
      }
    }
  }

  /**
   * Where candidates go. With the file's text, a label that does not hold what was typed between
   * its range's start and the cursor is only counted, not built.
   */
  private static final class Sink {
    private final String text;
    private final int offset;
    private final List<Item> items = new ArrayList<>();
    private boolean leftOut;

    Sink(String text, int offset) {
      this.text = text;
      this.offset = offset;
    }

    boolean wants(String label, TextRange replace) {
      if (text == null) {
        return true;
      }
      int start = replace.start();
      String typed =
          start <= offset && offset <= text.length() ? text.substring(start, offset) : "";
      if (!matches(label, typed)) {
        leftOut = true;
        return false;
      }
      return true;
    }

    void add(Item item) {
      if (wants(item.label(), item.replace())) {
        items.add(item);
      }
    }
  }

  private static void relationship(
      Analysis analysis, ResolvedRelationship r, int offset, String text, Sink out) {
    RelationshipSite site = r.site();
    RelationshipFact f = site.fact();
    String module = site.file().module();
    if (f.target() instanceof TargetExpr.Text t && inside(t.literal(), offset)) {
      classes(analysis, site.owner().registryId(), module, t.literal().contentRange(), out);
      return;
    }
    AnnotationFact a = f.annotation();
    if (a != null && a.quoted() && a.target().range().contains(offset)) {
      classes(analysis, site.owner().registryId(), module, a.target().range(), out);
      return;
    }
    if (f.secondary() instanceof SecondaryExpr.Text t && inside(t.literal(), offset)) {
      tables(analysis, site.owner().registryId(), module, t.literal().contentRange(), out);
      return;
    }
    if (inside(f.backPopulates(), offset) && r.targetClass() != null) {
      attributes(analysis, r.targetClass(), site.owner(), f.backPopulates().contentRange(), out);
      return;
    }
    for (RelationshipFact.KeywordString k : f.expressionStrings()) {
      if (inside(k.literal(), offset)) {
        expression(analysis, site, k.literal(), offset, text, out);
        return;
      }
    }
  }

  private static boolean inside(StringLiteral s, int offset) {
    return s != null && s.contentRange().contains(offset);
  }

  private static void classes(
      Analysis analysis, String registryId, String module, TextRange replace, Sink out) {
    OrmModel model = analysis.model();
    for (String name : model.classNames(registryId)) {
      List<MappedClass> named = model.classesNamed(registryId, name);
      for (MappedClass c : named) {
        // Several classes of one name resolve only when qualified by their module path.
        String insert = named.size() > 1 ? c.qualifiedName() : c.name();
        if (!out.wants(insert, replace)) {
          continue;
        }
        out.add(
            new Item(
                insert,
                Kind.CLASS,
                c.qualifiedName(),
                insert,
                replace,
                rank(module, c.module(), insert)));
      }
    }
  }

  private static void tables(
      Analysis analysis, String registryId, String module, TextRange replace, Sink out) {
    OrmModel model = analysis.model();
    for (MappedTable t : model.tables(model.metadataOf(registryId))) {
      String detail = t.mappedClass() != null ? "table of " + t.mappedClass() : "Table";
      out.add(
          new Item(
              t.key(),
              Kind.TABLE,
              detail,
              t.key(),
              replace,
              rank(module, t.file().module(), t.key())));
    }
  }

  private static void attributes(
      Analysis analysis, MappedClass target, MappedClass owner, TextRange replace, Sink out) {
    for (MappedClass c = target;
        c != null;
        c =
            c.superclass() == null
                ? null
                : analysis.model().mappedClass(c.superclass()).orElse(null)) {
      for (RelationshipSite rel : c.relationships()) {
        ResolvedRelationship resolved = analysis.resolve(rel);
        boolean reciprocal =
            resolved != null
                && resolved.targetClass() != null
                && analysis.model().isSubclass(owner, resolved.targetClass());
        String name = rel.fact().attribute();
        out.add(
            new Item(
                name,
                Kind.RELATIONSHIP,
                c.name() + "." + name + (reciprocal ? " → " + owner.name() : ""),
                name,
                replace,
                (reciprocal ? "0_" : "1_") + name));
      }
    }
  }

  private static void foreignKeys(
      Analysis analysis, String path, String metadataId, TextRange replace, Sink out) {
    String module = analysis.index().file(path).map(f -> f.module()).orElse("");
    for (MappedTable t : analysis.model().tables(metadataId)) {
      for (ColumnSite col : t.columns()) {
        String label = t.key() + "." + col.fact().name();
        String detail =
            (col.fact().type() != null ? col.fact().type() : "column")
                + (col.fact().primaryKey() ? ", primary key" : "");
        String rank =
            rank(module, t.file().module(), (col.fact().primaryKey() ? "0" : "1") + label);
        out.add(new Item(label, Kind.COLUMN, detail, label, replace, rank));
      }
    }
  }

  /** In a join expression: a class name, or after {@code Class.} one of its attributes. */
  private static void expression(
      Analysis analysis,
      RelationshipSite site,
      StringLiteral literal,
      int offset,
      String text,
      Sink out) {
    String registry = site.owner().registryId();
    TextRange content = literal.contentRange();
    String before =
        text != null && offset <= text.length() && content.start() <= offset
            ? text.substring(content.start(), offset)
            : "";
    Matcher attr = ATTRIBUTE_PREFIX.matcher(before);
    if (attr.find()) {
      TextRange replace = new TextRange(offset - attr.group(2).length(), wordEnd(text, offset));
      for (MappedClass c : analysis.model().classesNamed(registry, attr.group(1))) {
        for (ColumnSite col : c.columns()) {
          String name = col.fact().attribute();
          if (name != null) {
            out.add(new Item(name, Kind.COLUMN, c.name() + "." + name, name, replace, "0_" + name));
          }
        }
        for (RelationshipSite rel : c.relationships()) {
          String name = rel.fact().attribute();
          out.add(
              new Item(name, Kind.RELATIONSHIP, c.name() + "." + name, name, replace, "1_" + name));
        }
      }
      return;
    }
    Matcher word = WORD_PREFIX.matcher(before);
    int start = word.find() ? offset - word.group(1).length() : offset;
    classes(
        analysis, registry, site.file().module(), new TextRange(start, wordEnd(text, offset)), out);
  }

  private static int wordEnd(String text, int offset) {
    int end = offset;
    while (text != null
        && end < text.length()
        && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Sorts by how many package steps lead from the owner's module to the candidate's. */
  static String rank(String from, String to, String name) {
    String[] a = from == null ? new String[0] : from.split("\\.");
    String[] b = to == null ? new String[0] : to.split("\\.");
    int common = 0;
    while (common < a.length && common < b.length && a[common].equals(b[common])) {
      common++;
    }
    int distance = (a.length - common) + (b.length - common);
    int d = Math.min(distance, 99);
    return (d < 10 ? "0" : "") + d + "_" + name; // Not String.format: once per class, 10,000 times.
  }

  private static List<Item> sorted(List<Item> items) {
    items.sort(Comparator.comparing(Item::sortKey).thenComparing(Item::label));
    return List.copyOf(items);
  }

  /** The candidates to send, and whether the list is incomplete. */
  public record Narrowed(List<Item> items, boolean incomplete) {}

  private static boolean matches(String label, String typed) {
    int at = 0;
    for (int k = 0; k < typed.length(); k++) {
      char c = Character.toLowerCase(typed.charAt(k));
      while (at < label.length() && Character.toLowerCase(label.charAt(at)) != c) {
        at++;
      }
      if (at == label.length()) {
        return false;
      }
      at++;
    }
    return true;
  }
}
