package dev.ormlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ormlens.workspace.Loader;
import dev.ormlens.workspace.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never crashes {@code ormlens check}: each case gives a one-line reason (exit 2) or is
 * skipped with a note on stderr while the good files are still checked.
 */
class BadInputTest {
  @TempDir Path ws;

  @BeforeEach
  void aGoodWorkspaceBesideTheBadFile() {
    Cli.write(ws, CheckCommandTest.CLEAN);
  }

  @Test
  void missingPathIsAnIoErrorWithOneLine() {
    Cli.Result r = Cli.run(ws, "check", "no/such/dir");
    assertEquals(new Cli.Result(2, "", "ormlens: no/such/dir: no such file or directory\n"), r);
  }

  @Test
  void aPathThatIsNotPythonIsAUsageError() throws IOException {
    Files.writeString(ws.resolve("README.md"), "# hi\n");
    Cli.Result r = Cli.run(ws, "check", "README.md");
    assertEquals(
        new Cli.Result(
            2, "", "ormlens: README.md: not a Python file (expected a .py file or a directory)\n"),
        r);
  }

  @Test
  void binaryFileIsSkippedWithANote() throws IOException {
    Files.write(ws.resolve("shop/blob.py"), new byte[] {'x', 0, 1, 2, (byte) 0xff});
    assertSkipped("shop/blob.py: skipped (binary file)");
  }

  @Test
  void nonUtf8FileIsSkippedWithANote() throws IOException {
    Files.write(ws.resolve("shop/latin.py"), "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertSkipped("shop/latin.py: skipped (not valid UTF-8, and no coding declaration)");
  }

  @Test
  void aCodingDeclarationIsHonouredAsPythonDoes() throws IOException {
    String text =
        "# -*- coding: latin-1 -*-\n# caf\u00e9\nfrom .models import Base\n"
            + "from sqlalchemy.orm import relationship\n\n"
            + "class Note(Base):\n    __tablename__ = 'note'\n"
            + "    customer = relationship('Custmer')\n";
    Files.write(ws.resolve("shop/latin.py"), text.getBytes(StandardCharsets.ISO_8859_1));
    Cli.Result r = Cli.run(ws, "check", "-q");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("shop/latin.py:8:29: ORM101 [error]"), r.toString());
  }

  @Test
  void fileAboveTheSizeLimitIsSkippedWithANote() throws IOException {
    // 5 MB of generated models. The front end could parse it, in tens of seconds; a model file
    // that size is generated data, so the Loader skips anything above 2 MiB and says so.
    StringBuilder b = new StringBuilder("from .models import Base\n");
    for (int i = 0; b.length() < 5 * 1024 * 1024; i++) {
      b.append("\nclass M")
          .append(i)
          .append("(Base):\n    __tablename__ = 'm")
          .append(i)
          .append("'\n");
    }
    Files.writeString(ws.resolve("shop/huge.py"), b);
    assertSkipped(
        "shop/huge.py: skipped (5120 KiB is larger than the 2 MiB limit for model files)");
  }

  @Test
  void symlinkLoopIsSkippedWithANote() throws IOException {
    Files.createSymbolicLink(ws.resolve("shop/loop"), ws.resolve("shop"));
    assertSkipped("shop/loop: skipped (symbolic link loop)");
  }

  @Test
  void danglingSymlinkIsAnUnreadableEntrySkippedWithANote() throws IOException {
    Files.createSymbolicLink(ws.resolve("shop/gone.py"), ws.resolve("shop/missing.py"));
    assertSkipped("shop/gone.py: skipped (broken symbolic link)");
  }

  @Test
  void unreadableFileIsSkippedWithANote() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "running as root, where chmod 000 does not stop reading; the read failure itself is"
            + " covered by readFailureBecomesANote");
    Path secret = ws.resolve("shop/secret.py");
    Files.writeString(secret, "x = 1\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assertSkipped("shop/secret.py: skipped (cannot read: ");
  }

  @Test
  void readFailureBecomesANote() {
    // A read that fails after discovery (here: the entry turned into a directory) takes the same
    // path as a permission error.
    List<String> notes = new ArrayList<>();
    Optional<String> text =
        Loader.read(new SourceFile(ws.resolve("shop"), "shop.py", "shop"), notes);
    assertEquals(Optional.empty(), text);
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("shop.py: skipped (cannot read: "), notes.toString());
  }

  @Test
  void syntaxErrorIsAFindingAndTheRestOfTheFileIsStillRead() throws IOException {
    Files.writeString(
        ws.resolve("shop/broken.py"),
        """
        from sqlalchemy.orm import relationship
        from .models import Base

        class Broken(Base):
            __tablename__ = "broken"
            def oops(self:
                pass
            customer = relationship("Custmer")
        """);
    Cli.Result r = Cli.run(ws, "check", "-q");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("shop/broken.py:6:"), r.toString());
    assertTrue(r.out().contains(" ORM001 [error] "), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void emptyFileIsFine() throws IOException {
    Files.writeString(ws.resolve("shop/empty.py"), "");
    assertEquals(new Cli.Result(0, "No problems found.\n", ""), Cli.run(ws, "check"));
  }

  @Test
  void directoryNamedLikeAPythonFileIsWalkedAsADirectory() throws IOException {
    Files.createDirectories(ws.resolve("shop/odd.py"));
    Files.writeString(ws.resolve("shop/odd.py/inner.py"), "x = 1\n");
    assertEquals(new Cli.Result(0, "No problems found.\n", ""), Cli.run(ws, "check"));
    assertEquals(
        new Cli.Result(0, "No problems found.\n", ""), Cli.run(ws, "check", "shop/odd.py"));
  }

  @Test
  void noPythonFilesIsANoteNotAnError() throws IOException {
    Path empty = Files.createDirectories(ws.resolve("docs"));
    Cli.Result r = Cli.run(ws, "check", "docs");
    assertEquals(
        new Cli.Result(
            0, "No problems found.\n", "ormlens: note: docs: no Python files to check\n"),
        r,
        empty.toString());
  }

  private void assertSkipped(String note) {
    Cli.Result r = Cli.run(ws, "check");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("No problems found.\n", r.out());
    assertTrue(r.err().startsWith("ormlens: note: " + note), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
  }
}
