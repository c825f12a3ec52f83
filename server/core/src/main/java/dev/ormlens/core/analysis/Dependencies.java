package dev.ormlens.core.analysis;

import dev.ormlens.core.analysis.FileResolution.ResolvedForeignKey;
import dev.ormlens.core.analysis.FileResolution.ResolvedRelationship;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.Symbol;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.NameRef;
import dev.ormlens.core.model.SecondaryExpr;
import dev.ormlens.core.model.TargetExpr;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The files one file's results were read from: its own, every mapped class and table its references
 * found (with the files those are made of), and every module its Python names were resolved
 * through. Failed and ambiguous lookups depend on the names of the whole model, which {@link
 * OrmModel#shape()} stands for. A file's results carry over to the next snapshot when the shape is
 * the same and none of these files changed.
 */
final class Dependencies {
  private final WorkspaceIndex index;
  private final OrmModel model;
  private final Set<String> paths = new HashSet<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> seenNames = new HashSet<>();

  Dependencies(WorkspaceIndex index, OrmModel model, String path) {
    this.index = index;
    this.model = model;
    paths.add(path);
  }

  Set<String> paths() {
    return paths;
  }

  void resolution(FileResolution r) {
    for (ResolvedRelationship rel : r.relationships()) {
      relationship(rel);
    }
    for (ResolvedForeignKey fk : r.foreignKeys()) {
      if (fk.table() != null) {
        table(fk.table());
      }
      if (fk.column() != null) {
        paths.add(fk.column().file().path());
      }
    }
  }

  void relationship(ResolvedRelationship r) {
    if (r == null || !seen.add(r)) {
      return;
    }
    paths.add(r.site().file().path());
    mappedClass(r.site().owner());
    lookup(r.target());
    lookup(r.annotationTarget());
    lookup(r.secondary());
    if (r.targetClass() != null) {
      mappedClass(r.targetClass());
    }
    if (r.secondaryTable() != null) {
      table(r.secondaryTable());
    }
    TargetExpr t = r.site().fact().target();
    if (t instanceof TargetExpr.Name n) {
      name(n.name());
    } else if (t instanceof TargetExpr.Lambda l) {
      name(l.body());
    }
    if (r.site().fact().annotation() != null) {
      name(r.site().fact().annotation().target());
    }
    secondary(r.site().fact().secondary());
    name(r.site().fact().linkModel());
  }

  private void secondary(SecondaryExpr e) {
    if (e instanceof SecondaryExpr.Name n) {
      name(n.name());
    } else if (e instanceof SecondaryExpr.TableOf t) {
      name(t.mappedClass());
    } else if (e instanceof SecondaryExpr.Lambda l) {
      secondary(l.body());
    } else if (e instanceof SecondaryExpr.Call c) {
      name(c.function());
      c.arguments().forEach(this::name);
    }
  }

  /** A Python name: the modules its resolution passed through, and a resolver's return. */
  private void name(NameRef ref) {
    if (ref == null || ref.qualified() == null || !seenNames.add(ref.qualified())) {
      return;
    }
    paths.addAll(index.pathsRead(ref.qualified()));
    if (index.resolve(ref.qualified()) instanceof Symbol.Function f) {
      FunctionFact fn = f.fact();
      paths.add(f.file().path());
      name(fn.returns());
    }
  }

  private void lookup(Lookup l) {
    if (l instanceof Lookup.FoundClass fc) {
      mappedClass(fc.mappedClass());
    } else if (l instanceof Lookup.FoundTable ft) {
      table(ft.table());
    } else if (l instanceof Lookup.Ambiguous a) {
      a.candidates().forEach(this::mappedClass);
    }
  }

  private void mappedClass(MappedClass c) {
    if (c == null || !seenNames.add("class " + c.qualifiedName())) {
      return;
    }
    paths.addAll(model.pathsOf(c));
    if (c.fact().tableVariable() != null) {
      name(c.fact().tableVariable());
    }
    // Its table, with the columns single-table subclasses add to it.
    if (c.tableKey() != null) {
      for (MappedTable t : model.tables(model.metadataOf(c.registryId()), c.tableKey())) {
        table(t);
      }
    }
    if (c.superclass() != null) {
      model.mappedClass(c.superclass()).ifPresent(this::mappedClass);
    }
  }

  private void table(MappedTable t) {
    if (!seen.add(t)) {
      return;
    }
    paths.add(t.file().path());
    t.columns().forEach(col -> paths.add(col.file().path()));
    if (t.mappedClass() != null) {
      model.mappedClass(t.mappedClass()).ifPresent(this::mappedClass);
    }
  }
}
