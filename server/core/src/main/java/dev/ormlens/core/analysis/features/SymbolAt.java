package dev.ormlens.core.analysis.features;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Reference;
import dev.ormlens.core.analysis.Reference.Target;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.ColumnSite;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.ColumnFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.RelationshipFact;
import dev.ormlens.core.model.TableFact;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the cursor is on: a reference (a string naming a class, a {@code back_populates}, a foreign
 * key...) or a declaration (a class name, a {@code __tablename__} or {@code Table("name")} string,
 * a relationship or column attribute). References, hover, rename and code lenses start here.
 *
 * @param range the source range under the cursor
 * @param reference the reference under the cursor, or null on a declaration
 */
public record SymbolAt(TextRange range, Target target, Reference reference) {

  /** The reference or declaration at the offset, references first. */
  public static Optional<SymbolAt> find(Analysis analysis, String path, int offset) {
    Optional<Reference> ref = analysis.referenceAt(path, offset);
    if (ref.isPresent()) {
      return Optional.of(new SymbolAt(ref.get().range(), ref.get().target(), ref.get()));
    }
    for (SymbolAt d : declarations(analysis, path)) {
      if (d.range().contains(offset)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Every declaration in a file that references can point at, in source order. */
  public static List<SymbolAt> declarations(Analysis analysis, String path) {
    List<SymbolAt> out = new ArrayList<>();
    FileFacts file = analysis.index().file(path).orElse(null);
    if (file == null) {
      return out;
    }
    OrmModel model = analysis.model();
    for (ClassFact c : file.classes()) {
      MappedClass mapped = model.mappedClass(file, c).orElse(null);
      if (mapped == null) {
        continue;
      }
      out.add(new SymbolAt(c.nameRange(), new Target.MappedClassTarget(mapped), null));
      MappedTable table = analysis.tableOf(mapped);
      if (c.tableName() != null && table != null && table.file().path().equals(path)) {
        out.add(new SymbolAt(c.tableName().contentRange(), new Target.TableTarget(table), null));
      }
      for (RelationshipFact r : c.relationships()) {
        model
            .relationship(mapped, r.attribute())
            .filter(site -> site.fact() == r)
            .ifPresent(
                site ->
                    out.add(
                        new SymbolAt(
                            r.attributeRange(), new Target.RelationshipTarget(site), null)));
      }
      for (ColumnFact col : c.columns()) {
        if (col.attributeRange() != null) {
          out.add(
              new SymbolAt(
                  col.attributeRange(),
                  new Target.ColumnTarget(table, new ColumnSite(file, col)),
                  null));
        }
      }
    }
    for (TableFact t : file.tables()) {
      model
          .tableAt(path, t.name().contentRange().start())
          .ifPresent(
              table -> {
                out.add(new SymbolAt(t.name().contentRange(), new Target.TableTarget(table), null));
                for (ColumnSite col : table.columns()) {
                  out.add(
                      new SymbolAt(
                          col.fact().nameRange(), new Target.ColumnTarget(table, col), null));
                }
              });
    }
    out.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    return out;
  }
}
