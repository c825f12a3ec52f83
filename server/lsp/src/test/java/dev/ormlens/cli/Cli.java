package dev.ormlens.cli;

import dev.ormlens.testkit.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code ormlens} in-process, as a user would from a directory, and captures its output. */
final class Cli {
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(cwd, out, err, args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Writes a fixture's files ({@code #- path} headers) under dir and returns dir. */
  static Path write(Path dir, String spec) {
    try {
      for (Fixture.File f : Fixture.parse(spec).files()) {
        Path p = dir.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the bundled examples are: this checkout, or the one named by -Dormlens.repo. */
  static Path examples() {
    Path here = Path.of("").toAbsolutePath();
    for (Path d = here; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples/mistakes"))) {
        return d.resolve("examples");
      }
    }
    String repo = System.getProperty("ormlens.repo");
    return repo == null ? null : Path.of(repo, "examples");
  }
}
