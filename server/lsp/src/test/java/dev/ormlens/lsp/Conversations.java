package dev.ormlens.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * Scripted JSON-RPC conversations, shared by the in-process test and the test of the built jar: the
 * same bytes must get the same answers from both.
 */
final class Conversations {
  private Conversations() {}

  static String initialize(Path root) {
    return "{\"processId\":null,\"rootUri\":\""
        + root.toUri()
        + "\",\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\""
        + root.toUri()
        + "\",\"name\":\"ws\"}]}";
  }

  /** initialize → initialized → open → definition across files → a diagnostic → shutdown. */
  static void definitionAndDiagnostic(RawJsonRpc rpc, Path root) throws Exception {
    rpc.request(1, "initialize", initialize(root));
    JsonObject init = rpc.response(1);
    assertTrue(
        init.getAsJsonObject("result")
            .getAsJsonObject("capabilities")
            .get("definitionProvider")
            .getAsBoolean());
    rpc.notify("initialized", "{}");
    String uri = root.resolve("shop/child.py").toUri().toString();
    String text = LanguageServerTest.SHOP.get("shop/child.py").replace("\"Parent\"", "\"Parnt\"");
    rpc.notify(
        "textDocument/didOpen",
        "{\"textDocument\":{\"uri\":\""
            + uri
            + "\",\"languageId\":\"python\",\"version\":1,\"text\":"
            + new com.google.gson.Gson().toJson(text)
            + "}}");
    JsonObject published =
        rpc.next(
            m ->
                "textDocument/publishDiagnostics"
                        .equals(m.has("method") ? m.get("method").getAsString() : null)
                    && m.getAsJsonObject("params").get("uri").getAsString().equals(uri)
                    && m.getAsJsonObject("params").getAsJsonArray("diagnostics").size() > 0);
    var d =
        published.getAsJsonObject("params").getAsJsonArray("diagnostics").get(0).getAsJsonObject();
    assertEquals("ORM101", d.get("code").getAsString());
    assertEquals(1, published.getAsJsonObject("params").get("version").getAsInt());
    // Definition of `Base` in `class Child(Base)` is not ORM; of "parent.id" is the parent table.
    int line = 7;
    int character = text.split("\n")[line].indexOf("parent.id") + 2;
    rpc.request(
        2,
        "textDocument/definition",
        "{\"textDocument\":{\"uri\":\""
            + uri
            + "\"},\"position\":{\"line\":"
            + line
            + ",\"character\":"
            + character
            + "}}");
    var locations = rpc.response(2).getAsJsonArray("result");
    assertEquals(1, locations.size());
    var loc = locations.get(0).getAsJsonObject();
    assertTrue(loc.get("uri").getAsString().endsWith("shop/parent.py"), loc.toString());
    assertEquals(8, loc.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
  }

  /**
   * A malformed frame, an unknown method, unknown documents: errors or empty, and it keeps serving.
   */
  static void survivesBadInput(RawJsonRpc rpc, Path root) throws Exception {
    rpc.send(
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/hover\",\"params\":{not json");
    rpc.request(11, "ormlens/noSuchMethod", "{}");
    JsonObject unknown = rpc.response(11);
    assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt());
    // A protocol method the server does not implement (nor advertise) is not found either.
    rpc.request(
        14,
        "textDocument/typeDefinition",
        "{\"textDocument\":{\"uri\":\"file:///x.py\"},\"position\":{\"line\":0,\"character\":0}}");
    JsonObject unimplemented = rpc.response(14);
    assertEquals(-32601, unimplemented.getAsJsonObject("error").get("code").getAsInt());
    assertTrue(
        !unimplemented.getAsJsonObject("error").has("data"), "no stack trace: " + unimplemented);
    String outside = Path.of("/nonexistent/elsewhere.py").toUri().toString();
    rpc.request(
        12,
        "textDocument/definition",
        "{\"textDocument\":{\"uri\":\""
            + outside
            + "\"},\"position\":{\"line\":0,\"character\":0}}");
    assertEquals(0, rpc.response(12).getAsJsonArray("result").size());
    rpc.request(
        13,
        "textDocument/hover",
        "{\"textDocument\":{\"uri\":\"untitled:Untitled-1\"},\"position\":{\"line\":3,\"character\":99}}");
    assertTrue(rpc.response(13).get("result").isJsonNull());
    rpc.request(
        14,
        "textDocument/references",
        "{\"textDocument\":{\"uri\":\""
            + root.resolve("shop/child.py").toUri()
            + "\"},\"position\":{\"line\":-5,\"character\":100000},\"context\":{\"includeDeclaration\":true}}");
    assertTrue(rpc.response(14).has("result"));
    rpc.request(15, "workspace/symbol", "{\"query\":\"Chi\"}");
    JsonObject symbols = rpc.response(15);
    assertTrue(symbols.getAsJsonArray("result").size() > 0, "still serving: " + symbols);
  }
}
