package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private Map<String, Loading> sysModules = new HashMap<>();

  /** Modules imported (and finished) before this run began: shared, never changed. */
  private Map<String, Loading> alreadyImported = Map.of();

  private final List<CircularImport.Step> stack = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private String entry;

  /**
   * A module about to run the import statement at {@code position} (or, at {@link
   * Integer#MAX_VALUE}, finished): every statement before it has run; {@code rank} is its place in
   * the run.
   */
  record Checkpoint(String path, int position, int rank) {}

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
    sysModules = new HashMap<>();
    for (String e : entries) {
      entry = e;
      CircularImport failure = load(e);
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /**
   * Imports each module alone, each in a fresh interpreter, and returns the failure that stops each
   * (modules that import cleanly are absent). Importing {@code pkg.a} and {@code pkg.b} both begin
   * by importing {@code pkg} from nothing, so that work is done once: the modules are taken in
   * sorted order, and the interpreter as it stands after each package on the current path is kept
   * for the modules below it. With one {@code __init__.py} importing every model this turns one
   * replay per model into about one replay in all.
   */
  Map<String, CircularImport> runEachAlone(List<String> modules) {
    List<String> sorted = new ArrayList<>(modules);
    sorted.sort(null);
    Map<String, CircularImport> out = new LinkedHashMap<>();
    Deque<PackageOutcome> path = new ArrayDeque<>();
    for (String m : sorted) {
      while (!path.isEmpty() && !m.startsWith(path.peekLast().pkg() + ".")) {
        path.removeLast();
      }
      String[] parts = m.split("\\.");
      CircularImport failure = path.isEmpty() ? null : path.peekLast().failure();
      for (int depth = path.size(); depth < parts.length && failure == null; depth++) {
        String prefix = String.join(".", Arrays.asList(parts).subList(0, depth + 1));
        alreadyImported = path.isEmpty() ? Map.of() : path.peekLast().imported();
        sysModules = new HashMap<>();
        stack.clear();
        entry = m;
        failure = ensure(prefix);
        if (depth < parts.length - 1) {
          path.addLast(new PackageOutcome(prefix, failure == null ? snapshot() : null, failure));
        }
      }
      if (failure != null) {
        out.put(m, failure.withEntry(m));
      }
    }
    alreadyImported = Map.of();
    return out;
  }

  /** A package imported from nothing: everything it imported, or the failure that stopped it. */
  private record PackageOutcome(
      String pkg, Map<String, Loading> imported, CircularImport failure) {}

  /** Every module imported so far; all of them finished, since the last import succeeded. */
  private Map<String, Loading> snapshot() {
    Map<String, Loading> all = new HashMap<>(alreadyImported);
    all.putAll(sysModules);
    return all;
  }

  private Loading imported(String module) {
    Loading l = sysModules.get(module);
    return l != null ? l : alreadyImported.get(module);
  }

  /**
   * Imports each module in turn in one interpreter, going on past failures, and returns the moments
   * each module ran up to each of its imports, in order: what runs first defines its classes first.
   */
  List<Checkpoint> timeline(List<String> modules) {
    sysModules = new HashMap<>();
    checkpoints.clear();
    for (String m : modules) {
      entry = m;
      load(m);
    }
    return List.copyOf(checkpoints);
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
    if (imported(module) != null) {
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
      checkpoints.add(new Checkpoint(file.path(), loading.position, checkpoints.size()));
      stack.add(new CircularImport.Step(file, s));
      CircularImport failure = execute(s);
      stack.remove(stack.size() - 1);
      if (failure != null && s.context() != ImportContext.CONDITIONAL) {
        sysModules.remove(module); // Python forgets a module whose import raised.
        return failure;
      }
    }
    loading.done = true;
    checkpoints.add(new Checkpoint(file.path(), Integer.MAX_VALUE, checkpoints.size()));
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
    Loading target = imported(s.module());
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
