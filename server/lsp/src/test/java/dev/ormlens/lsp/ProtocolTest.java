package dev.ormlens.lsp;

import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw JSON-RPC against the server in this JVM: the same conversations the jar test has. */
class ProtocolTest {
  @TempDir Path dir;

  private RawJsonRpc start() throws Exception {
    for (var e : LanguageServerTest.SHOP.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    Stdio.start(
        new OrmLensServer(() -> {}),
        Channels.newInputStream(toServer.source()),
        Channels.newOutputStream(toClient.sink()));
    return new RawJsonRpc(
        Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
  }

  @Test
  void definitionAndDiagnostic() throws Exception {
    Conversations.definitionAndDiagnostic(start(), dir);
  }

  @Test
  void malformedMessageUnknownMethodAndUnknownDocuments() throws Exception {
    RawJsonRpc rpc = start();
    Conversations.definitionAndDiagnostic(rpc, dir);
    Conversations.survivesBadInput(rpc, dir);
  }
}
