package dev.ormlens.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ormlens} command. */
@Command(
    name = "ormlens",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Understands SQLAlchemy models split across many Python files.",
    subcommands = {
      CheckCommand.class,
      FixCommand.class,
      GraphCommand.class,
      EntriesCommand.class,
      LspCommand.class
    })
public final class Main implements Runnable {
  private final Path cwd;

  private Main(Path cwd) {
    this.cwd = cwd;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 clean, 1 findings, 2 usage or I/O). */
  public static int run(String... args) {
    return run(Path.of("").toAbsolutePath(), System.out, System.err, args);
  }

  /**
   * Runs the command line as if started in {@code cwd}, printing to the given streams (UTF-8), and
   * returns its exit code. Tests call this; it never exits the JVM.
   */
  public static int run(Path cwd, OutputStream out, OutputStream err, String... args) {
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cli = new CommandLine(new Main(cwd.toAbsolutePath().normalize()));
    cli.setOut(o);
    cli.setErr(e);
    cli.setExitCodeExceptionMapper(ex -> 2);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter w = ex.getCommandLine().getErr();
          w.println("ormlens: " + ex.getMessage());
          w.println("Try 'ormlens " + ex.getCommandLine().getCommandName() + " --help'.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, p) -> {
          // A bug of ours: one line for the user, the trace for the report they may file.
          c.getErr().println("ormlens: internal error: " + ex);
          ex.printStackTrace(c.getErr());
          return 2;
        });
    int code = cli.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  /** The directory relative paths on the command line start from. */
  Path cwd() {
    return cwd;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
