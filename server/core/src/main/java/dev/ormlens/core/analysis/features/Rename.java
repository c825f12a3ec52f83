package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Reference;
import dev.ormlens.core.analysis.Reference.Kind;
import dev.ormlens.core.analysis.Reference.Target;
import dev.ormlens.core.analysis.fixes.SourceTexts;
import dev.ormlens.core.index.Symbol;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.text.TextEdit;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rename that rewrites the strings too: a class and every string naming it (plain or
 * module-qualified, in targets, annotations and join expressions) plus its imports; a table name
 * ({@code __tablename__} or {@code Table("...")}) and every {@code secondary=} and {@code
 * ForeignKey("table.column")} string; a relationship attribute and every {@code back_populates} and
 * join expression naming it.
 *
 * <p>Python uses of a class outside ORM arguments (e.g. {@code Child.id} in a query) are a general
 * Python rename, left to a Python language server.
 */
public final class Rename {
  /** The range the user renames and the current name shown as the placeholder. */
  public record Prepared(TextRange range, String placeholder) {}

  /** Edits per workspace path, or the reason the rename is refused. */
  public record Result(Map<String, List<TextEdit>> edits, String error) {}

  private Rename() {}

  public static Optional<Prepared> prepare(
      Analysis analysis, String path, int offset, SourceTexts texts) {
    SymbolAt at = SymbolAt.find(analysis, path, offset).orElse(null);
    if (at == null || name(at.target()) == null) {
      return Optional.empty();
    }
    String old = name(at.target());
    TextRange range = segment(texts, path, at.range(), old);
    return range == null ? Optional.empty() : Optional.of(new Prepared(range, old));
  }

  public static Result rename(
      Analysis analysis, String path, int offset, String newName, SourceTexts texts) {
    SymbolAt at = SymbolAt.find(analysis, path, offset).orElse(null);
    String old = at == null ? null : name(at.target());
    if (old == null) {
      return new Result(Map.of(), "Only classes, tables and relationships can be renamed here.");
    }
    boolean isTable = at.target() instanceof Target.TableTarget;
    if (!(isTable ? newName.matches("[A-Za-z_][\\w$]*") : newName.matches("[A-Za-z_]\\w*"))) {
      return new Result(Map.of(), "'" + newName + "' is not a valid name.");
    }
    Map<String, List<TextEdit>> edits = new TreeMap<>();
    add(
        edits,
        texts,
        at.target().definition().path(),
        at.target().definition().range(),
        old,
        newName);
    for (Reference r : analysis.referencesTo(at.target())) {
      if (renames(r.kind())) {
        add(edits, texts, r.path(), r.range(), old, newName);
      }
    }
    if (at.target() instanceof Target.MappedClassTarget c) {
      imports(analysis, c.mappedClass().qualifiedName(), old, newName, texts, edits);
    }
    Map<String, List<TextEdit>> out = new LinkedHashMap<>();
    edits.forEach(
        (p, list) -> {
          list.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()));
          out.put(p, List.copyOf(list));
        });
    return new Result(out, null);
  }

  /** The name a rename replaces, or null when the target cannot be renamed. */
  private static String name(Target t) {
    if (t instanceof Target.MappedClassTarget c) {
      return c.mappedClass().name();
    }
    if (t instanceof Target.TableTarget table) {
      return table.table().name();
    }
    if (t instanceof Target.RelationshipTarget r) {
      return r.relationship().fact().attribute();
    }
    return null;
  }

  /** Resolver names and table variables denote the target without spelling its name. */
  private static boolean renames(Kind kind) {
    return kind != Kind.RESOLVER && kind != Kind.TABLE_NAME;
  }

  /** {@code from .child import Child} (not aliased) becomes {@code from .child import Kid}. */
  private static void imports(
      Analysis analysis,
      String qualified,
      String old,
      String newName,
      SourceTexts texts,
      Map<String, List<TextEdit>> edits) {
    for (FileFacts f : analysis.index().files()) {
      // A resolver's `return Child` follows its (renamed) function-local import.
      for (var fn : f.functions()) {
        if (fn.returns() != null
            && analysis.index().resolve(fn.returns().qualified()) instanceof Symbol.Class c
            && c.members().isEmpty()
            && c.qualifiedName().equals(qualified)) {
          add(edits, texts, f.path(), fn.returns().range(), old, newName);
        }
      }
      for (ImportFact i : f.imports()) {
        if (!i.fromImport()) {
          continue;
        }
        for (ImportFact.ImportedName n : i.names()) {
          if (!n.name().equals(old)) {
            continue;
          }
          Symbol s = analysis.index().resolve(i.module() + "." + n.name());
          if (s instanceof Symbol.Class c
              && c.members().isEmpty()
              && c.qualifiedName().equals(qualified)) {
            add(edits, texts, f.path(), n.range(), old, newName);
          }
        }
      }
    }
  }

  private static void add(
      Map<String, List<TextEdit>> edits,
      SourceTexts texts,
      String path,
      TextRange range,
      String old,
      String newName) {
    TextRange exact = segment(texts, path, range, old);
    if (exact == null) {
      return;
    }
    List<TextEdit> list = edits.computeIfAbsent(path, k -> new ArrayList<>());
    for (TextEdit e : list) {
      if (e.range().equals(exact)) {
        return;
      }
    }
    list.add(new TextEdit(exact, newName));
  }

  /**
   * The part of a reference's range that spells the old name: all of {@code Child}, the last part
   * of {@code "shop.child.Child"} or {@code "schema.links"}. Null when the text does not spell it
   * (the file changed since the snapshot), so a rename never rewrites the wrong characters.
   */
  private static TextRange segment(SourceTexts texts, String path, TextRange range, String old) {
    String text = texts.text(path).orElse(null);
    if (text == null || range.end() > text.length()) {
      return null;
    }
    String written = text.substring(range.start(), range.end());
    int at = written.lastIndexOf(old);
    if (at < 0 || !written.substring(at + old.length()).isBlank()) {
      return null;
    }
    if (at > 0 && !written.substring(0, at).isBlank() && written.charAt(at - 1) != '.') {
      return null;
    }
    return new TextRange(range.start() + at, range.start() + at + old.length());
  }
}
