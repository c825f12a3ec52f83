package dev.ormlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a project's own files say it starts from. */
class DeclaredEntriesTest {
  @TempDir Path dir;

  @Test
  void scriptsEntryPointsPoetryAndProcfileNameTheirModules() throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"),
        """
        [project]
        name = "shop"

        [project.scripts]
        shop = "shop.cli:main"

        [project.gui-scripts]
        shop-gui = "shop.gui:run"

        [project.entry-points."flask.commands"]
        seed = "shop.commands:seed"

        [tool.poetry.scripts]
        serve = "shop.server:serve"
        worker = { reference = "shop.worker:run", type = "console" }
        """);
    Files.writeString(
        dir.resolve("Procfile"),
        "web: gunicorn 'shop.wsgi:app' --workers 2\nrelease: uvicorn shop.asgi:application\n");
    assertEquals(
        List.of(
            "shop.cli",
            "shop.gui",
            "shop.server",
            "shop.worker",
            "shop.commands",
            "shop.wsgi",
            "shop.asgi"),
        DeclaredEntries.read(dir));
  }

  /** A released wheel (indico's) carries its console scripts in the dist-info folder. */
  @Test
  void setupCfgAndPackageMetadataNameTheirModules() throws Exception {
    Files.writeString(
        dir.resolve("setup.cfg"),
        """
        [metadata]
        url = https://example.org:8080

        [options.entry_points]
        console_scripts =
            shop = shop.cli:main
        """);
    Path info = Files.createDirectories(dir.resolve("shop-1.0.dist-info"));
    Files.writeString(
        info.resolve("entry_points.txt"),
        "[console_scripts]\nshop-admin = shop.admin.core:cli\n\n[pytest11]\nshop = shop.testing\n");
    assertEquals(List.of("shop.cli", "shop.admin.core"), DeclaredEntries.read(dir));
  }

  @Test
  void anUnreadableOrForeignPyprojectNamesNothing() throws Exception {
    assertEquals(List.of(), DeclaredEntries.read(dir), "no files");
    Files.writeString(dir.resolve("pyproject.toml"), "[project.scripts\nbroken = ");
    assertEquals(List.of(), DeclaredEntries.read(dir), "invalid TOML is another tool's problem");
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project.scripts]\nodd = 42\nx = \"not a module!\"\n");
    assertEquals(List.of(), DeclaredEntries.read(dir), "values that name no module");
  }
}
