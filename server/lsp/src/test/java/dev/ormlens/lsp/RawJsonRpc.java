package dev.ormlens.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JSON-RPC peer that writes raw frames (so it can send malformed ones) and reads whatever the
 * server sends, for tests that do not trust lsp4j on both ends.
 */
final class RawJsonRpc {
  private final OutputStream out;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

  RawJsonRpc(InputStream in, OutputStream out) {
    this.out = out;
    Thread reader = new Thread(() -> read(in), "raw-jsonrpc-reader");
    reader.setDaemon(true);
    reader.start();
  }

  void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  void request(int id, String method, String params) throws IOException {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
  }

  void notify(String method, String params) throws IOException {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
  }

  /** The response to a request id. */
  JsonObject response(int id) throws InterruptedException {
    return next(m -> m.has("id") && !m.has("method") && m.get("id").getAsInt() == id);
  }

  /** The next message that matches, skipping others; fails after 20 seconds. */
  JsonObject next(Predicate<JsonObject> matches) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      JsonObject m = received.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && matches.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching message within 20 s");
  }

  private void read(InputStream in) {
    try {
      while (true) {
        int length = -1;
        String line;
        while (!(line = header(in)).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        received.add(e.getAsJsonObject());
      }
    } catch (IOException | RuntimeException e) {
      // The stream closed.
    }
  }

  private static String header(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c == -1) {
      throw new IOException("closed");
    }
    return b.toString(StandardCharsets.US_ASCII);
  }
}
