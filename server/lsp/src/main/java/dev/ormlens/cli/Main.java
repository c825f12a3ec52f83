package dev.ormlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ormlens} command. */
@Command(
    name = "ormlens",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Understands SQLAlchemy models split across many Python files.",
    subcommands = {CheckCommand.class, FixCommand.class, GraphCommand.class, LspCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 clean, 1 findings, 2 usage or I/O). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> 2);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("ormlens: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println("Try 'ormlens " + ex.getCommandLine().getCommandName() + " --help'.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, c, p) -> {
          c.getErr().println("ormlens: " + ex.getMessage());
          return 2;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
