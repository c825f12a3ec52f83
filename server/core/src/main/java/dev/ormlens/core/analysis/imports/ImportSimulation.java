package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's import machinery, replayed on facts: importing a module runs its parent packages' {@code
 * __init__.py} first, then its module-level statements in order; a module already in {@code
 * sys.modules} (even half-initialised) is not run again; {@code from m import name} needs {@code
 * name} bound in {@code m} by then, or a submodule {@code m.name}, else {@code ImportError}.
 *
 * <p>Only imports execute; other statements just bind names. A name is reported missing only when
 * the module visibly defines it later, so code we cannot see (wildcard imports, {@code globals()})
 * never produces a false alarm. A failure inside a conditional statement is taken as handled (it
 * may sit in {@code try/except ImportError}). Calls made at import time (a resolver called at
 * module level) are not followed.
 */
final class ImportSimulation {
  private final WorkspaceIndex index;
  private final ImportGraph graph;
  private final Map<String, Loading> sysModules = new HashMap<>();
  private final List<CircularImport.Step> stack = new ArrayList<>();
  private String entry;

  /** A module in {@code sys.modules}: the workspace file, or null for a library module. */
  private static final class Loading {
    final FileFacts file;
    int position;
    boolean done;

    Loading(FileFacts file) {
      this.file = file;
    }
  }

  ImportSimulation(ImportGraph graph) {
    this.graph = graph;
    this.index = graph.index();
  }

  /**
   * Imports the entry modules in order in one fresh interpreter, as an application would, and
   * returns the failure that stops it, if any.
   */
  CircularImport run(List<String> entries) {
    sysModules.clear();
    for (String e : entries) {
      entry = e;
      CircularImport failure = load(e);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /** {@code import a.b.c}: each parent package, then the module. */
  private CircularImport load(String dotted) {
    String prefix = "";
    for (String part : dotted.split("\\.")) {
      prefix = prefix.isEmpty() ? part : prefix + "." + part;
      CircularImport failure = ensure(prefix);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  private CircularImport ensure(String module) {
    if (sysModules.containsKey(module)) {
      return null;
    }
    FileFacts file = index.module(module).orElse(null);
    Loading loading = new Loading(file);
    sysModules.put(module, loading);
    if (file == null) {
      loading.done = true;
      return null;
    }
    FileImports imports = graph.file(file.path());
    for (ImportFact s : imports == null ? List.<ImportFact>of() : imports.statementsInOrder()) {
      if (!runsAtImport(s.context())) {
        continue;
      }
      loading.position = s.statementRange().start();
      stack.add(new CircularImport.Step(file, s));
      CircularImport failure = execute(s);
      stack.remove(stack.size() - 1);
      if (failure != null && s.context() != ImportContext.CONDITIONAL) {
        sysModules.remove(module); // Python forgets a module whose import raised.
        return failure;
      }
    }
    loading.done = true;
    return null;
  }

  private CircularImport execute(ImportFact s) {
    if (s.module() == null || s.module().isEmpty()) {
      return null;
    }
    CircularImport failure = load(s.module());
    if (failure != null || !s.fromImport()) {
      return failure;
    }
    Loading target = sysModules.get(s.module());
    if (target == null || target.file == null) {
      return null;
    }
    for (ImportFact.ImportedName n : s.names()) {
      if (n.name().equals("*") || boundBefore(target, n.name())) {
        continue;
      }
      String submodule = s.module() + "." + n.name();
      if (index.module(submodule).isPresent()) {
        // Python imports the submodule, and finds it in sys.modules even half-initialised.
        failure = ensure(submodule);
        if (failure != null) {
          return failure;
        }
        continue;
      }
      Definition later = definedAtOrAfter(target, n.name());
      if (later != null) {
        return failure(s, n, target, later);
      }
    }
    return null;
  }

  private CircularImport failure(
      ImportFact s, ImportFact.ImportedName n, Loading target, Definition later) {
    int from = 0;
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).file() == target.file) {
        from = i;
        break;
      }
    }
    List<CircularImport.Step> chain = List.copyOf(stack.subList(from, stack.size()));
    FileFacts file = stack.get(stack.size() - 1).file();
    return new CircularImport(entry, file, s, n, target.file.module(), later, chain);
  }

  private static boolean runsAtImport(ImportContext c) {
    return c == ImportContext.MODULE_LEVEL
        || c == ImportContext.CLASS_BODY
        || c == ImportContext.CONDITIONAL;
  }

  /** Whether the module binds the name by now (a finished module: whatever it has). */
  private static boolean boundBefore(Loading m, String name) {
    if (m.done) {
      return true;
    }
    for (Definition d : m.file.definitions()) {
      if (d.name().equals(name)
          && d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT
          && d.statementStart() < m.position
          && !enclosesPosition(m, d)) {
        return true;
      }
    }
    return false;
  }

  /** Called once the name is known not to be bound yet: any definition comes later. */
  private static Definition definedAtOrAfter(Loading m, String name) {
    for (Definition d : m.file.definitions()) {
      if (d.name().equals(name) && d.kind() != Definition.Kind.TYPE_CHECKING_IMPORT) {
        return d;
      }
    }
    return null;
  }

  /** A class is bound only once its body has run, so an import inside the body comes first. */
  private static boolean enclosesPosition(Loading m, Definition d) {
    if (d.kind() != Definition.Kind.CLASS) {
      return false;
    }
    for (ClassFact c : m.file.classes()) {
      if (c.nameRange().equals(d.range())) {
        return c.range().contains(m.position);
      }
    }
    return false;
  }
}
