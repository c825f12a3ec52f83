package dev.ormlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our reading of {@code .gitignore} files, checked against git itself. */
class IgnorePatternsTest {
  @TempDir Path ws;

  /** Every file, and the .gitignore files that decide them, with tricky patterns on purpose. */
  private static final String[] FILES = {
    "a.py",
    "b.py",
    "debug.py",
    "debug_x.py",
    "x_debug.py",
    "nested/debug.py",
    "logs/a.py",
    "logs/deep/b.py",
    "sub/logs/c.py",
    "build_out/x.py",
    "doc/frotz/x.py",
    "a/doc/frotz/y.py",
    "foo/bar.py",
    "foo/x/bar.py",
    "foo/x/y/bar.py",
    "baz/k/q.py",
    "baz/k/keep.py",
    "c1.py",
    "c2.py",
    "cz.py",
    "hash#.py",
    "#lead.py",
    "!bang.py",
    "sp ace.py",
    "pkg/only_here.py",
    "pkg/inner/only_here.py",
    "pkg/sub/gen_1.py",
    "pkg/sub/gen_keep.py",
    "pkg/sub/x/gen_2.py",
    "star/a.py",
    "star/b/c.py",
    "q/x1.py",
    "q/xx1.py",
    "trail.py",
    "deep/a/b/c/target.py",
    "deep/target.py",
    "brk/]x.py",
    "brk/ax.py"
  };

  private static final String ROOT_IGNORE =
      String.join(
          "\n",
          "# comment",
          "",
          "debug*.py",
          "!debug_x.py",
          "logs/",
          "/build_out",
          "doc/frotz/",
          "foo/**/bar.py",
          "baz/**",
          "!baz/k/",
          "c[12].py",
          "hash\\#.py",
          "\\#lead.py",
          "\\!bang.py",
          "sp\\ ace.py",
          "star/*",
          "!star/b",
          "q/x?.py",
          "trail.py   ",
          "**/c/target.py",
          "brk/[]a]x.py",
          "");

  private static final String PKG_IGNORE =
      String.join("\n", "/only_here.py", "sub/gen_*.py", "!sub/gen_keep.py", "**/x/", "");

  @Test
  void verdictsMatchGit() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed; this test compares with git itself");
    for (String f : FILES) {
      Path p = ws.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "");
    }
    Files.writeString(ws.resolve(".gitignore"), ROOT_IGNORE);
    Files.writeString(ws.resolve("pkg/.gitignore"), PKG_IGNORE);
    git("init", "-q");
    TreeSet<String> expected = new TreeSet<>();
    for (String line : git("ls-files", "--others", "--exclude-standard")) {
      if (line.endsWith(".py")) {
        expected.add(line.startsWith("\"") ? unquote(line) : line);
      }
    }
    List<String> notes = new ArrayList<>();
    TreeSet<String> ours = new TreeSet<>();
    Discovery.find(ws, Settings.defaults(ws), notes).forEach(f -> ours.add(f.path()));
    assertEquals(expected, ours);
    // Not a vacuous comparison: the patterns above ignore most of the tree.
    assertEquals(true, expected.size() < FILES.length / 2, expected.toString());
  }

  @Test
  void lastMatchingPatternDecides() {
    IgnorePatterns p = IgnorePatterns.parse(List.of("*.py", "!keep.py", "keep.py"));
    assertEquals(Optional.of(true), p.verdict("keep.py", false));
    assertEquals(Optional.empty(), p.verdict("README.md", false));
    IgnorePatterns dirs = IgnorePatterns.parse(List.of("out/"));
    assertEquals(Optional.empty(), dirs.verdict("out", false));
    assertEquals(Optional.of(true), dirs.verdict("a/out", true));
  }

  private static String unquote(String s) {
    return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private List<String> git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", ws.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    return out.lines().toList();
  }

  private static boolean gitAvailable() {
    try {
      return new ProcessBuilder("git", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
