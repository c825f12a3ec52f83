package dev.ormlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the built {@code ormlens.jar} as a separate process ({@code java -jar ormlens.jar lsp})
 * and speaks JSON-RPC to it over its stdin and stdout. Runs in {@code verify}, after packaging.
 */
class JarProcessIT {
  @TempDir Path dir;
  Process process;

  static Path jar() {
    Path jar = Path.of(System.getProperty("ormlens.jar", "target/ormlens.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " is built by `mvn package` before this test");
    return jar;
  }

  private RawJsonRpc start() throws Exception {
    for (var e : LanguageServerTest.SHOP.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(java, "-jar", jar().toString(), "lsp")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    return new RawJsonRpc(process.getInputStream(), process.getOutputStream());
  }

  @Test
  void definitionDiagnosticsAndBadInputOverStdio() throws Exception {
    RawJsonRpc rpc = start();
    Conversations.definitionAndDiagnostic(rpc, dir);
    Conversations.survivesBadInput(rpc, dir);
    rpc.request(99, "shutdown", "null");
    rpc.response(99);
    rpc.notify("exit", "null");
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exits after shutdown and exit");
    assertEquals(0, process.exitValue());
  }

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
