package dev.ormlens.core.analysis.imports;

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
}
