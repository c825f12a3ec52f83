package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outline of one file as the ORM sees it: mapped classes with their table, columns and
 * relationships; {@code Table(...)} objects with their columns; lazy resolver functions.
 */
public final class DocumentSymbols {
  /** What an outline entry is. */
  public enum Kind {
    CLASS,
    TABLE,
    COLUMN,
    RELATIONSHIP,
    FUNCTION
  }

  /**
   * One outline entry.
   *
   * @param range the whole statement
   * @param selection the name
   */
  public record Outline(
      String name,
      String detail,
      Kind kind,
      TextRange range,
      TextRange selection,
      List<Outline> children) {}

  private DocumentSymbols() {}

  public static List<Outline> of(Analysis analysis, String path) {
    FileFacts file = analysis.index().file(path).orElse(null);
    if (file == null) {
      return List.of();
    }
    List<Outline> out = new ArrayList<>();
    for (ClassFact c : file.classes()) {
      MappedClass mapped = analysis.model().mappedClass(file, c).orElse(null);
      if (mapped == null && c.columns().isEmpty() && c.relationships().isEmpty()) {
        continue;
      }
      List<Outline> children = new ArrayList<>();
      for (ColumnFact col : c.columns()) {
        if (col.attributeRange() != null) {
          children.add(column(col, col.attribute(), col.attributeRange()));
        }
      }
      for (RelationshipFact r : c.relationships()) {
        children.add(
            new Outline(
                r.attribute(),
                "relationship",
                Kind.RELATIONSHIP,
                r.statementRange(),
                r.attributeRange(),
                List.of()));
      }
      children.sort(Comparator.comparingInt(o -> o.range().start()));
      String detail =
          mapped != null && mapped.tableKey() != null ? "table " + mapped.tableKey() : "";
      out.add(
          new Outline(
              c.name(), detail, Kind.CLASS, c.range(), c.nameRange(), List.copyOf(children)));
    }
    for (TableFact t : file.tables()) {
      List<Outline> children = new ArrayList<>();
      for (ColumnFact col : t.columns()) {
        children.add(column(col, col.name(), col.nameRange()));
      }
      String name = t.variable() != null ? t.variable() : t.name().value();
      TextRange selection = t.variableRange() != null ? t.variableRange() : t.name().contentRange();
      TextRange range = cover(t.range(), selection);
      out.add(
          new Outline(
              name,
              "Table " + t.name().value(),
              Kind.TABLE,
              range,
              selection,
              List.copyOf(children)));
    }
    for (FunctionFact f : file.functions()) {
      if (f.returns() != null) {
        out.add(
            new Outline(
                f.name(),
                "resolves " + f.returns().written(),
                Kind.FUNCTION,
                f.range(),
                f.nameRange(),
                List.of()));
      }
    }
    out.sort(Comparator.comparingInt(o -> o.range().start()));
    return List.copyOf(out);
  }

  private static Outline column(ColumnFact col, String name, TextRange selection) {
    String detail =
        (col.type() != null ? col.type() : "column") + (col.primaryKey() ? ", primary key" : "");
    return new Outline(name, detail, Kind.COLUMN, selection, selection, List.of());
  }

  private static TextRange cover(TextRange a, TextRange b) {
    return new TextRange(Math.min(a.start(), b.start()), Math.max(a.end(), b.end()));
  }
}
