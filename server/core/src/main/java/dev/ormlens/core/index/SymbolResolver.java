package dev.ormlens.core.index;

import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.FunctionFact;
import dev.ormlens.core.model.ImportFact;
import dev.ormlens.core.model.RegistryFact;
import dev.ormlens.core.model.TableFact;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows a qualified name to what it denotes: the longest prefix that is a workspace module, then
 * the module's binding of the next part, through imports and {@code __init__.py} re-exports.
 */
final class SymbolResolver {
  private static final int MAX_HOPS = 32;

  /** A resolution and the paths of the files it read: it holds while none of them changes. */
  record Resolved(Symbol symbol, Set<String> paths) {}

  private final WorkspaceIndex index;
  private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

  SymbolResolver(WorkspaceIndex index) {
    this.index = index;
  }

  /**
   * A resolver for the next snapshot, starting with every resolution of this one that read none of
   * the changed files (which must keep the set of module names: a new module can capture a name
   * that used to fall to a shorter prefix).
   */
  SymbolResolver next(WorkspaceIndex nextIndex, Set<String> changedPaths) {
    SymbolResolver next = new SymbolResolver(nextIndex);
    for (Map.Entry<String, Resolved> e : cache.entrySet()) {
      if (java.util.Collections.disjoint(e.getValue().paths(), changedPaths)) {
        next.cache.put(e.getKey(), e.getValue());
      }
    }
    return next;
  }

  Symbol resolve(String qualified) {
    return resolved(qualified).symbol();
  }

  /** The resolution with the paths it depends on. */
  Resolved resolved(String qualified) {
    if (qualified == null) {
      return new Resolved(resolve(null, 0, new HashSet<>()), Set.of());
    }
    String key = qualified;
    Resolved cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    Set<String> paths = new HashSet<>();
    Symbol result = resolve(qualified, 0, paths);
    Resolved r = new Resolved(result, Set.copyOf(paths));
    cache.put(key, r);
    return r;
  }

  private Symbol resolve(String qualified, int hops, Set<String> paths) {
    if (qualified == null || qualified.isEmpty() || hops > MAX_HOPS) {
      return new Symbol.Unresolved(String.valueOf(qualified));
    }
    String[] parts = qualified.split("\\.");
    for (int cut = parts.length; cut >= 1; cut--) {
      String moduleName = String.join(".", Arrays.copyOfRange(parts, 0, cut));
      FileFacts file = index.module(moduleName).orElse(null);
      if (file == null || (cut < parts.length && rebound(parts, cut, qualified))) {
        continue;
      }
      paths.add(file.path());
      if (cut == parts.length) {
        return new Symbol.Module(file, List.of());
      }
      String name = parts[cut];
      List<String> rest = List.of(Arrays.copyOfRange(parts, cut + 1, parts.length));
      Symbol bound = lookup(file, name, rest, hops, paths);
      if (bound != null) {
        return bound;
      }
      // `from pkg import mod` where mod is a submodule not imported in pkg/__init__.py.
      if (index.module(moduleName + "." + name).isPresent()) {
        continue;
      }
      return new Symbol.Unresolved(qualified);
    }
    return new Symbol.External(qualified);
  }

  /**
   * Whether the package above submodule {@code parts[0..cut)} rebinds the submodule's name to
   * something else ({@code from .db import db} in {@code models/__init__.py}): then {@code
   * models.db} is that object, not the module, unless we are resolving what the binding names.
   */
  private boolean rebound(String[] parts, int cut, String qualified) {
    if (cut < 2) {
      return false;
    }
    String submodule = String.join(".", Arrays.copyOfRange(parts, 0, cut));
    FileFacts parent =
        index.module(String.join(".", Arrays.copyOfRange(parts, 0, cut - 1))).orElse(null);
    if (parent == null) {
      return false;
    }
    for (Definition d : parent.definitions()) {
      if (d.name().equals(parts[cut - 1])
          && d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT
          && d.target() != null
          && !d.target().equals(submodule)
          && !qualified.startsWith(d.target())) {
        return true;
      }
    }
    return false;
  }

  private Symbol lookup(
      FileFacts file, String name, List<String> rest, int hops, Set<String> paths) {
    Definition chosen = null;
    for (Definition d : file.definitions()) {
      if (d.name().equals(name)
          && (chosen == null || d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT)) {
        chosen = d;
      }
    }
    if (chosen == null) {
      return starImported(file, name, rest, hops, paths);
    }
    switch (chosen.kind()) {
      case CLASS -> {
        if (!rest.isEmpty()) {
          // `Cls.table = Table(...)` at module level: the table the class is mapped to.
          for (TableFact t : file.tables()) {
            if ((name + "." + rest.get(0)).equals(t.variable())) {
              return new Symbol.Table(file, t, rest.subList(1, rest.size()));
            }
          }
        }
        for (ClassFact c : file.classes()) {
          if (c.name().equals(name)) {
            return new Symbol.Class(file, c, rest);
          }
        }
      }
      case FUNCTION -> {
        for (FunctionFact f : file.functions()) {
          if (f.name().equals(name)) {
            return new Symbol.Function(file, f, rest);
          }
        }
      }
      case ASSIGNMENT -> {
        for (TableFact t : file.tables()) {
          if (name.equals(t.variable())) {
            return new Symbol.Table(file, t, rest);
          }
        }
        for (RegistryFact r : file.registries()) {
          if (r.name().equals(name)) {
            return new Symbol.Registry(file, r, rest);
          }
        }
        if (chosen.target() != null && !chosen.target().equals(Symbol.qualify(file, name))) {
          // A plain alias such as `metadata = mapper_registry.metadata`: follow it.
          return resolve(
              chosen.target() + (rest.isEmpty() ? "" : "." + String.join(".", rest)),
              hops + 1,
              paths);
        }
      }
      case IMPORT, TYPE_CHECKING_IMPORT -> {
        String target = chosen.target() + (rest.isEmpty() ? "" : "." + String.join(".", rest));
        if (target.equals(
            Symbol.qualify(file, name) + (rest.isEmpty() ? "" : "." + String.join(".", rest)))) {
          return null;
        }
        return resolve(target, hops + 1, paths);
      }
    }
    return new Symbol.Value(file, chosen, rest);
  }

  /**
   * A name the module binds by {@code from other import *} (keystone's {@code sql/__init__.py}
   * re-exports {@code ModelBase} so): the first star-imported module that binds it, or, when a star
   * import's module is outside the workspace, that library's name (unknowable, never "undefined").
   * Private names are not star-imported; {@code __all__} is not read, so a name it leaves out may
   * still be found.
   */
  private Symbol starImported(
      FileFacts file, String name, List<String> rest, int hops, Set<String> paths) {
    if (name.startsWith("_") || index.module(Symbol.qualify(file, name)).isPresent()) {
      return null; // private, or a submodule of this package: resolve() goes on to it
    }
    String suffix = name + (rest.isEmpty() ? "" : "." + String.join(".", rest));
    Symbol external = null;
    for (ImportFact i : file.imports()) {
      if (!i.fromImport() || !i.names().isEmpty() || i.module() == null || i.module().isEmpty()) {
        continue;
      }
      if (index.module(i.module()).isEmpty()) {
        external = external != null ? external : new Symbol.External(i.module() + "." + suffix);
        continue;
      }
      Symbol found = resolve(i.module() + "." + suffix, hops + 1, paths);
      if (!(found instanceof Symbol.Unresolved)) {
        return found;
      }
    }
    return external;
  }
}
