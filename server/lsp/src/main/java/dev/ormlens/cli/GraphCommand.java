package dev.ormlens.cli;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.graph.Dot;
import dev.ormlens.core.analysis.graph.EntityGraph;
import dev.ormlens.core.analysis.graph.ImportGraphView;
import dev.ormlens.core.analysis.graph.Mermaid;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ormlens graph}: print the ER diagram, or the model modules' import graph. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description =
        "Print the entity-relationship diagram of the mapped classes, or with --imports the import"
            + " graph of the model modules (cycles in red). Exit 0, or 2 on usage or I/O errors.")
final class GraphCommand implements Callable<Integer> {
  enum Format {
    mermaid,
    dot
  }

  @Parameters(
      arity = "0..*",
      paramLabel = "PATHS",
      description = "Workspace directories (default: .)")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", description = "mermaid, dot (default: mermaid)")
  Format format = Format.mermaid;

  @Option(names = "--imports", description = "Print the import graph instead of the ER diagram")
  boolean imports;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "Only this file's classes (or module) and their direct neighbours")
  Path file;

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (paths.isEmpty()) {
      paths.add(Path.of("."));
    }
    for (Path path : paths) {
      LoadedWorkspace ws;
      try {
        ws = LoadedWorkspace.load(path, AnalysisSettings.DEFAULTS);
      } catch (IllegalArgumentException e) {
        System.err.println("ormlens: " + e.getMessage());
        return 2;
      }
      ws.notes().forEach(n -> System.err.println("ormlens: note: " + n));
      String only = file == null ? null : workspacePath(ws.root(), file);
      if (only != null && ws.analysis().index().file(only).isEmpty()) {
        System.err.println("ormlens: " + file + ": not a Python file of " + path);
        return 2;
      }
      out.print(render(ws.analysis(), only));
    }
    return 0;
  }

  private String render(Analysis analysis, String only) {
    if (imports) {
      ImportGraphView graph = analysis.importGraph(only);
      return format == Format.dot ? Dot.imports(graph) : Mermaid.imports(graph);
    }
    EntityGraph graph = analysis.entityGraph(only);
    return format == Format.dot ? Dot.entities(graph) : Mermaid.entities(graph);
  }

  /**
   * The index key of a file given on the command line: relative to the root, {@code /}-separated.
   */
  private static String workspacePath(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    Path relative = absolute.startsWith(base) ? base.relativize(absolute) : file;
    return relative.toString().replace('\\', '/');
  }
}
