package dev.ormlens.core.analysis.imports;

import dev.ormlens.core.model.ClassFact;
import dev.ormlens.core.model.Definition;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.model.ImportContext;
import dev.ormlens.core.model.ImportFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One file's outgoing import edges and its import statements in execution order, derived from that
 * file's facts alone, so a file whose facts did not change keeps its {@code FileImports} from one
 * snapshot to the next.
 *
 * <p>Edges may name modules outside the workspace and submodules that do not exist: the graph drops
 * those when it assembles the files, since that depends on the other files.
 */
public record FileImports(
    FileFacts facts, List<ImportEdge> edges, List<ImportFact> statementsInOrder) {

  public String path() {
    return facts.path();
  }

  public String module() {
    return facts.module();
  }

  /** Derives the edges of one file. */
  public static FileImports of(FileFacts facts) {
    String from = facts.module();
    List<ImportEdge> edges = new ArrayList<>();
    List<ImportFact> ordered = new ArrayList<>(facts.imports());
    ordered.sort(Comparator.comparingInt(i -> i.statementRange().start()));
    for (ImportFact i : ordered) {
      if (i.module() == null || i.module().isEmpty()) {
        continue;
      }
      EdgeKind kind = EdgeKind.of(i.context());
      if (i.context() != ImportContext.TYPE_CHECKING) {
        addParentPackages(from, i, kind, facts.path(), edges);
      }
      if (!i.module().equals(from)) {
        edges.add(new ImportEdge(from, i.module(), kind, facts.path(), i.moduleRange(), null));
      }
      // `from pkg import mod` imports the submodule unless pkg binds `mod` itself.
      EdgeKind submodule = kind == EdgeKind.MODULE ? EdgeKind.IMPLICIT : kind;
      for (ImportFact.ImportedName n : i.names()) {
        if (!n.name().equals("*")) {
          edges.add(
              new ImportEdge(
                  from, i.module() + "." + n.name(), submodule, facts.path(), n.range(), n.name()));
        }
      }
    }
    return new FileImports(facts, List.copyOf(edges), List.copyOf(ordered));
  }

  /**
   * Importing {@code a.b.c} runs {@code a/__init__.py} and {@code a/b/__init__.py} first. Packages
   * that contain the importing module have already run, so they add nothing.
   */
  private static void addParentPackages(
      String from, ImportFact i, EdgeKind kind, String path, List<ImportEdge> out) {
    String[] parts = i.module().split("\\.");
    String prefix = "";
    for (int n = 0; n < parts.length - 1; n++) {
      prefix = prefix.isEmpty() ? parts[n] : prefix + "." + parts[n];
      if (from.equals(prefix) || from.startsWith(prefix + ".")) {
        continue;
      }
      EdgeKind implicit = kind == EdgeKind.MODULE ? EdgeKind.IMPLICIT : kind;
      out.add(new ImportEdge(from, prefix, implicit, path, i.moduleRange(), null));
    }
  }

  /**
   * What Python's import machinery sees of the file, positions left out: its import statements and
   * the names it binds, in the order they happen (a class is bound where its body ends). Two
   * versions of a file with the same shape import the same modules and bind the same names at the
   * same moments, so an edit that keeps the shape (inside a class body, a string, a comment) cannot
   * change what imports do at run time.
   */
  public List<Object> shape() {
    record Event(int position, int tie, Object what) {}
    record Import(String module, boolean from, List<String> names, String alias, ImportContext c) {}
    record Binding(String name, Definition.Kind kind, String target) {}
    List<Event> events = new ArrayList<>();
    for (ImportFact i : statementsInOrder) {
      List<String> names = new ArrayList<>();
      for (ImportFact.ImportedName n : i.names()) {
        names.add(n.name() + " as " + n.boundName());
      }
      events.add(
          new Event(
              i.statementRange().start(),
              0,
              new Import(i.module(), i.fromImport(), names, i.alias(), i.context())));
    }
    for (Definition d : facts.definitions()) {
      events.add(new Event(boundAt(d), 1, new Binding(d.name(), d.kind(), d.target())));
    }
    events.sort(Comparator.comparingInt(Event::position).thenComparingInt(Event::tie));
    List<Object> out = new ArrayList<>(events.size());
    events.forEach(e -> out.add(e.what()));
    return out;
  }

  /** Where a name is bound: a class once its body has run, anything else at its statement. */
  private int boundAt(Definition d) {
    if (d.kind() == Definition.Kind.CLASS) {
      for (ClassFact c : facts.classes()) {
        if (c.nameRange().equals(d.range())) {
          return c.range().end();
        }
      }
    }
    return d.statementStart();
  }
}
