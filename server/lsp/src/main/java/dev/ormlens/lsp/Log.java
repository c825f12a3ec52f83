package dev.ormlens.lsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: stderr and the client's {@code window/logMessage}. Never stdout, which carries
 * the protocol.
 */
final class Log {
  private volatile LanguageClient client;

  void connect(LanguageClient c) {
    this.client = c;
  }

  void info(String message) {
    send(MessageType.Log, message);
  }

  void error(String what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    send(MessageType.Error, "ormlens: " + what + ": " + e + "\n" + trace);
  }

  private void send(MessageType type, String message) {
    System.err.println(message);
    LanguageClient c = client;
    if (c != null) {
      try {
        c.logMessage(new MessageParams(type, message));
      } catch (RuntimeException ignored) {
        // The connection is gone; stderr has it.
      }
    }
  }
}
