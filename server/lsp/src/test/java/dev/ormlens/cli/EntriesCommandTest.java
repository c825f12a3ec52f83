package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ormlens entries} says which modules the import checks start from, and why. */
class EntriesCommandTest {
  @TempDir Path dir;

  @Test
  void configuredEntriesWin() {
    Cli.write(
        dir,
        """
        #- pyproject.toml
        [project.scripts]
        shop = "shop.cli:main"

        [tool.ormlens]
        entry-modules = ["shop"]
        #- shop/__init__.py
        #- shop/cli.py
        def main():
            pass
        """);
    Cli.Result r = Cli.run(dir, "entries");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("shop  (configured in entry-modules)\n", r.out(), r.toString());
  }

  @Test
  void otherwiseTheProjectsOwnFilesSayHowItStarts() {
    Cli.write(
        dir,
        """
        #- pyproject.toml
        [project.scripts]
        shop = "shop.cli:main"
        missing = "shop.nowhere:main"
        #- shop/__init__.py
        #- shop/cli.py
        def main():
            pass
        #- shop/__main__.py
        from shop.cli import main
        #- wsgi.py
        from shop import cli
        """);
    Cli.Result r = Cli.run(dir, "entries");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(
        """
        shop.cli  (declared by the project: pyproject.toml, setup.cfg, Procfile or entry_points.txt)
        shop.__main__  (__main__.py (python -m))
        wsgi  (a top-level wsgi.py)
        """,
        r.out(),
        r.toString());
  }

  @Test
  void noEntryIsSaidPlainly() {
    Cli.write(dir, "#- shop/__init__.py\n");
    Cli.Result r = Cli.run(dir, "entries");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(true, r.out().startsWith("No entry module configured or found"), r.toString());
  }
}
