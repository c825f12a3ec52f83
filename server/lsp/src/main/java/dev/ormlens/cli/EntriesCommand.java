package dev.ormlens.cli;

import dev.ormlens.core.analysis.imports.EntryPoints;
import dev.ormlens.workspace.InvalidSettings;
import dev.ormlens.workspace.Settings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ormlens entries}: the modules ORM Lens takes the application to start from, and why. */
@Command(
    name = "entries",
    mixinStandardHelpOptions = true,
    description =
        "Print the entry modules ORM Lens uses for the import checks (ORM201, ORM202): those"
            + " configured in entry-modules, or else the ones it infers ([project.scripts],"
            + " Procfile, __main__.py, a top-level main.py/app.py/wsgi.py/asgi.py/manage.py)."
            + " Exit 0, or 2 on usage or I/O errors.")
final class EntriesCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "PATHS",
      description = "Workspace directories (default: .)")
  List<Path> paths = new ArrayList<>();

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (paths.isEmpty()) {
      paths.add(Path.of("."));
    }
    for (Path given : paths) {
      Path path = main.cwd().resolve(given).normalize();
      if (!Files.isDirectory(path)) {
        err.println("ormlens: " + given + ": not a directory");
        return 2;
      }
      Settings settings;
      try {
        settings = Settings.read(path.toAbsolutePath().normalize());
      } catch (InvalidSettings e) {
        err.println("ormlens: " + e.getMessage());
        return 2;
      }
      LoadedWorkspace ws = LoadedWorkspace.load(path, settings);
      ws.notes().forEach(n -> err.println("ormlens: note: " + n));
      List<EntryPoints.Entry> entries = ws.analysis().imports().entryPoints();
      if (entries.isEmpty()) {
        out.println(
            "No entry module configured or found: ORM201/ORM202 findings are latent warnings."
                + " Set entry-modules in [tool.ormlens] to say how the application starts.");
      }
      for (EntryPoints.Entry e : entries) {
        out.println(e.module() + "  (" + e.why() + ")");
      }
    }
    out.flush();
    return 0;
  }
}
