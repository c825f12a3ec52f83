package dev.ormlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files make up a workspace, and the module each is imported as. */
class DiscoveryTest {
  @TempDir Path ws;

  @Test
  void plainLayoutNamesModulesFromTheWorkspaceFolder() {
    files("shop/__init__.py", "shop/models/__init__.py", "shop/models/child.py", "manage.py");
    assertEquals(
        List.of(
            "manage.py = manage",
            "shop/__init__.py = shop",
            "shop/models/__init__.py = shop.models",
            "shop/models/child.py = shop.models.child"),
        found());
  }

  @Test
  void srcLayoutNamesModulesFromSrc() {
    files("src/shop/__init__.py", "src/shop/child.py", "tests/test_child.py");
    assertEquals(
        List.of(
            "src/shop/__init__.py = shop",
            "src/shop/child.py = shop.child",
            "tests/test_child.py = tests.test_child"),
        found());
  }

  @Test
  void monorepoRootsAreFoundFromPackagesAndAbsoluteImports() throws IOException {
    files(
        "services/a/src/pkg_a/__init__.py",
        "services/a/src/pkg_a/models.py",
        "libs/b/pkg_b/__init__.py",
        "libs/b/pkg_b/tables.py",
        // A namespace package (no __init__.py): only an absolute import shows where it is rooted.
        "services/c/app/nsp/models.py");
    Files.writeString(
        ws.resolve("services/a/src/pkg_a/models.py"),
        "from pkg_b.tables import t\nfrom nsp.models import Thing\n");
    assertEquals(
        List.of(
            "libs/b/pkg_b/__init__.py = pkg_b",
            "libs/b/pkg_b/tables.py = pkg_b.tables",
            "services/a/src/pkg_a/__init__.py = pkg_a",
            "services/a/src/pkg_a/models.py = pkg_a.models",
            "services/c/app/nsp/models.py = nsp.models"),
        found());
  }

  @Test
  void configuredRootsWin() throws IOException {
    files("code/shop/models.py");
    Files.writeString(ws.resolve("pyproject.toml"), "[tool.ormlens]\nroots = [\"code\"]\n");
    assertEquals(List.of("code/shop/models.py = shop.models"), found());
  }

  @Test
  void whatIsNeverUserCodeIsSkipped() throws IOException {
    files(
        "app.py",
        ".git/hooks/x.py",
        ".venv/lib/x.py",
        "myenv/lib/python3.11/x.py",
        "node_modules/pkg/x.py",
        "build/lib/x.py",
        "dist/x.py",
        "__pycache__/x.py",
        "shop.egg-info/x.py",
        "lib/python3.11/site-packages/sqlalchemy/x.py");
    Files.writeString(ws.resolve("myenv/pyvenv.cfg"), "home = /usr/bin\n");
    assertEquals(List.of("app.py = app"), found());
  }

  @Test
  void gitignoreFilesAreHonouredNestedWithNegationAndAnchors() throws IOException {
    files(
        "app.py",
        "generated.py",
        "keep/generated.py",
        "legacy/old.py",
        "legacy/keep.py",
        "pkg/sub/local.py",
        "pkg/sub/deep/local.py",
        "pkg/top.py");
    Files.writeString(ws.resolve(".gitignore"), "generated.py\n!keep/generated.py\nlegacy/\n");
    Files.writeString(ws.resolve("pkg/.gitignore"), "/top.py\nsub/**/local.py\n");
    // As `git ls-files --others --exclude-standard` lists them: `sub/**/local.py` also matches
    // sub/local.py, since `/**/` matches zero or more directories.
    assertEquals(List.of("app.py = app", "keep/generated.py = keep.generated"), found());
  }

  @Test
  void includeAndExcludeFromPyproject() throws IOException {
    files("shop/models.py", "shop/migrations/v1.py", "scripts/run.py", "shop/tests/test_x.py");
    Files.writeString(
        ws.resolve("pyproject.toml"),
        "[tool.ormlens]\ninclude = [\"shop/\"]\nexclude = [\"migrations/\", \"test_*.py\"]\n");
    assertEquals(List.of("shop/models.py = shop.models"), found());
  }

  @Test
  void invalidPyprojectFallsBackToDefaultsWithANote() throws IOException {
    files("app.py");
    Files.writeString(ws.resolve("pyproject.toml"), "[tool.ormlens]\nroots = 1\n");
    List<String> notes = new ArrayList<>();
    Discovery.find(ws, notes);
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(
        notes.get(0).endsWith("roots: expected a list of strings, found 1; using the defaults"),
        notes.get(0));
  }

  private List<String> found() {
    List<String> notes = new ArrayList<>();
    List<String> out =
        Discovery.find(ws, notes).stream().map(f -> f.path() + " = " + f.module()).toList();
    assertEquals(List.of(), notes);
    return out;
  }

  private void files(String... paths) {
    try {
      for (String p : paths) {
        Path f = ws.resolve(p);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
