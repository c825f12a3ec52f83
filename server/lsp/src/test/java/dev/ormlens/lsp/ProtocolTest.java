package dev.ormlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw JSON-RPC against the server in this JVM: the same conversations the jar test has. */
class ProtocolTest {
  @TempDir Path dir;

  private RawJsonRpc start() throws Exception {
    return start(new OrmLensServer(() -> {}));
  }

  private RawJsonRpc start(OrmLensServer server) throws Exception {
    for (var e : LanguageServerTest.SHOP.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    Stdio.start(
        server,
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

  @Test
  void cancelledRequestIsAnsweredRequestCancelledAndTheServerKeepsServing() throws Exception {
    OrmLensServer server = new OrmLensServer(() -> {});
    RawJsonRpc rpc = start(server);
    rpc.request(1, "initialize", Conversations.initialize(dir));
    rpc.response(1);
    rpc.notify("initialized", "{}");
    // A slow request occupies the request thread, so the next one waits behind it.
    CountDownLatch release = new CountDownLatch(1);
    var slow =
        server
            .requests()
            .run(
                "test/slow",
                cancel -> {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "done";
                });
    rpc.request(2, "workspace/symbol", "{\"query\":\"Chi\"}");
    rpc.notify("$/cancelRequest", "{\"id\":2}");
    JsonObject cancelled = rpc.response(2);
    assertEquals(
        ResponseErrorCode.RequestCancelled.getValue(),
        cancelled.getAsJsonObject("error").get("code").getAsInt(),
        cancelled.toString());
    release.countDown();
    assertEquals("done", slow.get(10, TimeUnit.SECONDS));
    rpc.request(3, "workspace/symbol", "{\"query\":\"Chi\"}");
    assertTrue(rpc.response(3).has("result"));
  }
}
