package dev.ormlens.cli;

import dev.ormlens.lsp.Stdio;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ormlens lsp}: serve the Language Server Protocol over stdin/stdout. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = "Serve the Language Server Protocol over stdio.")
final class LspCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return Stdio.serve();
  }
}
