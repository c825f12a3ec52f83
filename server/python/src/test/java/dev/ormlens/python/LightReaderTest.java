package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.model.FileFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token reader gives exactly the parser's facts, or declines. */
class LightReaderTest {
  /** Files with no model facts, in the shapes non-model modules take. */
  private static final List<String> PLAIN =
      List.of(
          """
          \"\"\"A service module.\"\"\"
          from __future__ import annotations

          import dataclasses, os.path
          import a.b.c as abc
          from typing import Any, TYPE_CHECKING
          from . import sibling
          from ..pkg.mod import (
              one,
              two as deux,  # 日本語のコメント 🎉
          )
          from .other import *

          if TYPE_CHECKING:
              from .models import Child
          elif os.name == "nt":
              import ntpath
          else:
              try:
                  import fast
              except ImportError:
                  fast = None
              finally:
                  x: int = 3

          VALUE = {"k": [1, 2.5e-3, 0x1F]}
          name: str
          other = lambda: VALUE
          alias = VALUE
          dotted = (os.path)
          typed: int = abc
          chained = alias = VALUE
          unbound = nowhere
          spaced = os . path
          nothing = None
          printer = print


          def resolve_child():
              from .child import Child

              return Child


          def helper(a, b: int = 3, *args, c=(1, 2), **kw) -> "Any":
              import json as j
              s = f"{a!r} and 'quotes'"
              return (j.dumps)


          def nested(p, /, q, *, r):
              if p:
                  return p
              return q.value
          """,
          "import os\r\nfrom x import y\r\n\r\ndef f():\r\n    return y  # trailing\r\n",
          """
          with open("f") as fh:
              data = fh.read()
          try:
              import simplejson as json
          except ImportError:  # pragma: no cover
              import json
          text = '''multi
          line''' + "x"  # ormlens: ignore[ORM101]
          def last():
              pass
              # a comment at the end of the body
          # a comment after
          """,
          "def g(x):\n    y = x\n    return y\n\n\n\n",
          "",
          "# only a comment\n");

  /** Shapes the reader must decline (the parser decides) or read identically. */
  private static final List<String> ODD =
      List.of(
          "x = 1; y = 2\n",
          "if x: import y\n",
          "def f(): return 1\n",
          "s = 'unterminated\n",
          "x = (1,\n",
          "x = 1 \\\n  + 2\n",
          "\tx = 1\n",
          "for i in range(3):\n    import m\n",
          "def f(*args: int, **kw: str):\n    return args\n",
          "def f():\n    return lambda: x().__table__\n",
          "def f[T](x):\n    return x\n",
          "a = 1\n  b = 2\n",
          "x = $\n",
          "import\n",
          "from . import\n",
          "async def f():\n    return x\n",
          "名前 = 1\n",
          "x = 1\ry = 2\n",
          "def f(a b):\n    pass\n",
          "import a.\n",
          "from x import (a, b\n",
          "print 'hello'\n",
          "def f(x):\n    return x . y\n",
          "def f():\n    return (a.b)\n",
          "def f():\n    return None\n",
          "def f():\n    import os.path\n    return os.path\n",
          "def f():\n    return\n");

  @Test
  void plainFilesReadLikeTheParser() {
    for (String text : PLAIN) {
      assertFalse(PreScan.needsFullParse(text), text);
      FileFacts light = LightReader.read("pkg/mod.py", "pkg.mod", false, text);
      assertNotNull(light, "declined:\n" + text);
      assertSameFacts(PythonFrontEnd.extract("pkg/mod.py", "pkg.mod", text), light, text);
    }
    FileFacts init = LightReader.read("pkg/__init__.py", "pkg", true, PLAIN.get(0));
    assertSameFacts(PythonFrontEnd.extract("pkg/__init__.py", "pkg", PLAIN.get(0)), init, "init");
  }

  @Test
  void oddFilesAreDeclinedOrReadLikeTheParser() {
    int declined = 0;
    for (String text : ODD) {
      FileFacts light = LightReader.read("m.py", "m", false, text);
      if (light == null) {
        declined++;
      } else {
        assertSameFacts(PythonFrontEnd.extract("m.py", "m", text), light, text);
      }
    }
    assertTrue(declined >= 15, "declined " + declined);
  }

  @Test
  void modelWordsSendTheFileToTheParser() {
    assertTrue(PreScan.needsFullParse("from sqlalchemy.orm import relationship\n"));
    assertTrue(PreScan.needsFullParse("x = Table('t', md)\n"));
    assertTrue(PreScan.needsFullParse("class Admin(User):\n    pass\n"));
    assertTrue(PreScan.needsFullParse("if x:\n    class A: pass\n"));
    assertTrue(PreScan.needsFullParse("@dataclass\ndef f(): pass\n"));
    assertTrue(PreScan.needsFullParse("Base = declarative_base()\n"));
    assertFalse(PreScan.needsFullParse("from .models import User\nclassify = 1\n"));
    assertNull(LightReader.read("m.py", "m", false, "x = 1; y = 2\n"));
  }

  /**
   * Every non-model module of generated workspaces (each style, with noise modules) reads the same
   * both ways; model modules always go to the parser.
   */
  @Test
  void generatedWorkspacesReadLikeTheParser(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path generator = Path.of(System.getProperty("ormlens.repo", "."), "bench", "generate.py");
    Assumptions.assumeTrue(
        Files.exists(generator) || "required".equals(System.getProperty("ormlens.oracle")),
        "no bench/generate.py");
    int light = 0;
    for (String style : List.of("mixed", "declarative1", "flask", "sqlmodel", "imperative")) {
      Path out = dir.resolve(style);
      Process p =
          new ProcessBuilder(
                  "python3",
                  generator.toString(),
                  "--out",
                  out.toString(),
                  "--models",
                  "30",
                  "--style",
                  style,
                  "--seed",
                  "7",
                  "--noise-modules",
                  "30")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertEquals(0, p.waitFor());
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.walk(out)) {
        s.filter(f -> f.toString().endsWith(".py")).sorted().forEach(files::add);
      }
      for (Path f : files) {
        String rel = out.relativize(f).toString().replace('\\', '/');
        String text = Files.readString(f);
        FileFacts full = PythonFrontEnd.extract(rel, PythonModules.moduleName(rel), text);
        FileFacts indexed =
            PythonFrontEnd.extractForIndex(rel, PythonModules.moduleName(rel), text);
        assertSameFacts(full, indexed, rel);
        if (!PreScan.needsFullParse(text)) {
          light++;
          assertFalse(full.hasModelFacts(), rel);
        }
      }
    }
    assertTrue(light > 50, "only " + light + " files were read without parsing");
  }

  static void assertSameFacts(FileFacts expected, FileFacts actual, String what) {
    assertEquals(describe(expected), describe(actual), what);
  }

  private static String describe(FileFacts f) {
    return String.join(
        "\n",
        f.path(),
        f.module(),
        String.valueOf(f.packageInit()),
        String.valueOf(f.contentHash()),
        f.lines().lineCount() + "/" + f.lines().length(),
        "imports " + f.imports(),
        "definitions " + f.definitions(),
        "classes " + f.classes(),
        "tables " + f.tables(),
        "functions " + f.functions(),
        "registries " + f.registries(),
        "imperative " + f.imperativeMappings(),
        "annotations " + f.annotationNames(),
        "problems " + f.problems(),
        "suppressions " + f.suppressions());
  }
}
