package dev.ormlens.core.analysis;

import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.OrmModel.MappedClass;
import dev.ormlens.core.index.OrmModel.MappedTable;
import dev.ormlens.core.index.Symbol;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.Binding;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.NameRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks names up as SQLAlchemy's {@code clsregistry} does at mapper configuration: the first dotted
 * token against the registry's classes, then its metadata's tables (tables first for {@code
 * secondary}), then the module paths of its classes (every suffix of a class's module path is a
 * valid prefix: {@code "snacks.nuts.Child"} for {@code myapp.snacks.nuts}).
 */
final class NameLookup {
  private final WorkspaceIndex index;
  private final OrmModel model;
  private final Map<String, Set<String>> moduleTokens = new ConcurrentHashMap<>();

  NameLookup(WorkspaceIndex index) {
    this.index = index;
    this.model = index.model();
  }

  /** A string naming a class: {@code relationship("Child")}, {@code "shop.child.Child"}. */
  Lookup classString(String registryId, String text) {
    return inOpen(registryId, classStringSeen(registryId, text));
  }

  private Lookup classStringSeen(String registryId, String text) {
    String name = text.strip();
    if (name.isEmpty() || !name.matches("[A-Za-z_][\\w.]*")) {
      return new Lookup.Unknowable();
    }
    String[] tokens = name.split("\\.");
    List<MappedClass> byName = model.classesNamed(registryId, tokens[0]);
    if (!byName.isEmpty()) {
      if (tokens.length > 1) {
        return new Lookup.Unknowable(); // Class.attribute: an expression, not a target.
      }
      return byName.size() == 1
          ? new Lookup.FoundClass(byName.get(0), null)
          : new Lookup.Ambiguous(List.copyOf(byName));
    }
    String metadata = model.metadataOf(registryId);
    List<MappedTable> tables = model.tables(metadata, tokens[0]);
    if (!tables.isEmpty()) {
      return tokens.length == 1
          ? new Lookup.FoundTable(tables.get(0))
          : new Lookup.NotFound(
              name, "'" + tokens[0] + "' is a table, which has no attribute '" + tokens[1] + "'");
    }
    return modulePath(registryId, name, tokens);
  }

  /** A string naming a table for {@code secondary=}: tables first, as SQLAlchemy favours them. */
  Lookup tableString(String registryId, String text) {
    return inOpen(registryId, tableStringSeen(registryId, text));
  }

  private Lookup tableStringSeen(String registryId, String text) {
    String name = text.strip();
    if (name.isEmpty() || !name.matches("[A-Za-z_][\\w.]*")) {
      return new Lookup.Unknowable();
    }
    String metadata = model.metadataOf(registryId);
    List<MappedTable> tables = model.tables(metadata, name);
    if (!tables.isEmpty()) {
      return new Lookup.FoundTable(tables.get(0));
    }
    String[] tokens = name.split("\\.");
    if (tokens.length == 2 && model.hasSchema(metadata, tokens[0])) {
      return new Lookup.NotFound(
          name, "schema '" + tokens[0] + "' has no table '" + tokens[1] + "'");
    }
    List<MappedClass> byName = model.classesNamed(registryId, tokens[0]);
    if (!byName.isEmpty() && tokens.length == 1) {
      return byName.size() == 1
          ? new Lookup.FoundClass(byName.get(0), null)
          : new Lookup.Ambiguous(byName);
    }
    return modulePath(registryId, name, tokens);
  }

  /** In an open registry (a base from an uninstalled package) a name we do not see may exist. */
  private static Lookup inOpen(String registryId, Lookup found) {
    return found instanceof Lookup.NotFound && OrmModel.isOpen(registryId)
        ? new Lookup.Unknowable()
        : found;
  }

  private Lookup modulePath(String registryId, String name, String[] tokens) {
    if (tokens.length == 1) {
      return moduleTokens(registryId).contains(tokens[0])
          ? new Lookup.IsModule(tokens[0])
          : new Lookup.NotFound(name, null);
    }
    // Only classes of the path's last name can match: look at those, not every class.
    List<MappedClass> matches = new ArrayList<>();
    for (MappedClass c : model.classesNamed(registryId, tokens[tokens.length - 1])) {
      if (isSuffix(tokens, c.module().split("\\."))) {
        matches.add(c);
      }
    }
    if (matches.size() == 1) {
      return new Lookup.FoundClass(matches.get(0), null);
    }
    if (matches.size() > 1) {
      return new Lookup.Ambiguous(List.copyOf(matches));
    }
    return new Lookup.NotFound(name, null);
  }

  /** Every dotted part of the modules a registry's classes live in, computed once per snapshot. */
  private Set<String> moduleTokens(String registryId) {
    return moduleTokens.computeIfAbsent(
        registryId,
        id -> {
          Set<String> tokens = new HashSet<>();
          for (MappedClass c : model.classes()) {
            if (c.registryId().equals(id)) {
              tokens.addAll(List.of(c.module().split("\\.")));
            }
          }
          return Set.copyOf(tokens);
        });
  }

  /** Whether the module tokens of the path (all but the class name) end the module's tokens. */
  private static boolean isSuffix(String[] pathTokens, String[] moduleTokens) {
    int n = pathTokens.length - 1;
    if (n > moduleTokens.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!pathTokens[i].equals(moduleTokens[moduleTokens.length - n + i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Python name used as a target: a class, or a resolver function whose returned class is the
   * target. {@code lazy} when the name is evaluated at configuration (a lambda), not at import.
   */
  Lookup className(NameRef ref) {
    Symbol s = index.resolve(ref.qualified());
    if (s instanceof Symbol.Class c && c.members().isEmpty()) {
      return model
          .mappedClass(c.qualifiedName())
          .<Lookup>map(m -> new Lookup.FoundClass(m, null))
          .orElseGet(
              () ->
                  hasUnseenBase(c.fact(), c.file(), 0)
                      ? new Lookup.Unknowable()
                      : new Lookup.NotMapped(c.qualifiedName()));
    }
    if (s instanceof Symbol.Function f && f.members().isEmpty()) {
      FunctionFact fn = f.fact();
      if (fn.returns() == null) {
        return new Lookup.Unknowable();
      }
      Lookup returned = className(fn.returns());
      if (returned instanceof Lookup.FoundClass found) {
        return new Lookup.FoundClass(found.mappedClass(), fn);
      }
      return returned;
    }
    if (s instanceof Symbol.Unresolved
        || (s instanceof Symbol.External && ref.binding() == Binding.UNBOUND)) {
      return new Lookup.NotFound(ref.written(), null);
    }
    return new Lookup.Unknowable();
  }

  /**
   * Whether a class inherits from something we cannot read (a package outside the workspace that
   * may make it mapped): then "not a mapped class" is not ours to say.
   */
  private boolean hasUnseenBase(ClassFact c, FileFacts file, int depth) {
    if (depth > 8) {
      return true;
    }
    for (NameRef b : c.bases()) {
      Symbol s = index.resolve(b.qualified());
      if (s instanceof Symbol.External e && !OrmModel.isHarmlessExternal(e.qualified())) {
        return true;
      }
      if (s instanceof Symbol.Unresolved || s instanceof Symbol.Value) {
        return true;
      }
      if (s instanceof Symbol.Class parent
          && parent.members().isEmpty()
          && hasUnseenBase(parent.fact(), parent.file(), depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** A Python expression used as {@code secondary=}: a Table variable, or wrongly a class. */
  Lookup tableName(NameRef ref) {
    Symbol s = index.resolve(ref.qualified());
    if (s instanceof Symbol.Table t && t.members().isEmpty()) {
      return model
          .tableAt(t.file().path(), t.fact().name().contentRange().start())
          .<Lookup>map(Lookup.FoundTable::new)
          .orElse(new Lookup.Unknowable());
    }
    if (s instanceof Symbol.Class c && c.members().equals(List.of("__table__"))) {
      // table_groups_nodes = DbGroupNode.__table__, then secondary=table_groups_nodes.
      return model
          .mappedClass(c.file(), c.fact())
          .map(this::tableOf)
          .<Lookup>map(Lookup.FoundTable::new)
          .orElse(new Lookup.Unknowable());
    }
    if (s instanceof Symbol.Class || s instanceof Symbol.Function) {
      return className(ref);
    }
    if (s instanceof Symbol.Unresolved) {
      return new Lookup.NotFound(ref.written(), null);
    }
    return new Lookup.Unknowable();
  }

  /** The table a mapped class maps to. */
  MappedTable tableOf(MappedClass c) {
    if (c.tableKey() == null) {
      return c.superclass() == null
          ? null
          : model.mappedClass(c.superclass()).map(this::tableOf).orElse(null);
    }
    List<MappedTable> tables = model.tables(model.metadataOf(c.registryId()), c.tableKey());
    for (MappedTable t : tables) {
      if (c.qualifiedName().equals(t.mappedClass())) {
        return t;
      }
    }
    return tables.isEmpty() ? null : tables.get(0);
  }
}
