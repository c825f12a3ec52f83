package dev.ormlens.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Serves the protocol over a pair of streams: stdin/stdout for {@code ormlens lsp}, pipes in tests.
 */
public final class Stdio {
  private Stdio() {}

  /** Starts a server on the streams; the future ends when the input closes. */
  public static Future<Void> start(OrmLensServer server, InputStream in, OutputStream out) {
    Launcher<OrmLensClient> launcher =
        new Launcher.Builder<OrmLensClient>()
            .setLocalService(server)
            .setRemoteInterface(OrmLensClient.class)
            .setInput(in)
            .setOutput(out)
            .setExceptionHandler(Stdio::toResponseError)
            .create();
    server.connect(launcher.getRemoteProxy());
    return launcher.startListening();
  }

  /**
   * A method the protocol interface declares but this server does not implement (lsp4j's default
   * throws {@link UnsupportedOperationException}) is answered {@code MethodNotFound} (-32601), as
   * for any unknown method; anything else is an internal error, with no stack trace sent.
   */
  static ResponseError toResponseError(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null
        && (cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.lang.reflect.InvocationTargetException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ResponseErrorException r) {
      return r.getResponseError();
    }
    if (cause instanceof UnsupportedOperationException) {
      return new ResponseError(ResponseErrorCode.MethodNotFound, "method not supported", null);
    }
    return new ResponseError(
        ResponseErrorCode.InternalError,
        "internal error: " + cause.getClass().getSimpleName(),
        null);
  }

  /**
   * Serves stdin/stdout until the client closes the input or sends {@code exit}. Anything printed
   * to {@code System.out} goes to stderr, so stray output cannot corrupt the protocol.
   */
  public static int serve() {
    PrintStream protocol = System.out;
    System.setOut(System.err);
    OrmLensServer server = new OrmLensServer(() -> System.exit(0));
    try {
      start(server, System.in, protocol).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      System.err.println("ormlens: " + e.getCause());
      return 1;
    }
    return 0;
  }
}
