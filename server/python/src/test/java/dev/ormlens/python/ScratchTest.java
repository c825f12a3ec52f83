package dev.ormlens.python;

import dev.ormlens.testkit.Fixture;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void dump() throws Exception {
    String spec = java.nio.file.Files.readString(java.nio.file.Path.of("/tmp/imp/spec.txt"));
    var a = PythonChecks.CHECKS.analyse(Fixture.parse(spec));
    System.err.println("entries " + a.settings().entryModules());
    a.imports().graph().edges().forEach(e -> System.err.println("EDGE " + e));
    System.err.println("cycles " + a.imports().graph().cycles());
    a.imports()
        .circularImports()
        .forEach(
            f ->
                System.err.println(
                    "FIND "
                        + f.entries()
                        + " "
                        + f.failure().file().path()
                        + " "
                        + f.failure().name()));
    for (var f : a.index().files()) {
      f.imports()
          .forEach(
              i ->
                  System.err.println(
                      "IMP " + f.path() + " " + i.module() + " " + i.context() + " " + i.names()));
      f.definitions().forEach(d -> System.err.println("DEF " + f.path() + " " + d));
      a.diagnostics(f.path()).forEach(d -> System.err.println("DIAG " + d));
    }
  }
}
