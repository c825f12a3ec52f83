package dev.ormlens.lsp;

import java.net.URI;
import java.nio.file.Path;

/**
 * Document URIs and index paths. The server keys its index by absolute file path with {@code /}
 * separators, so files of several workspace folders never collide.
 */
final class Uris {
  private Uris() {}

  /** The index path of a {@code file:} URI, or null for any other scheme or a malformed URI. */
  static String toPath(String uri) {
    try {
      URI u = URI.create(uri);
      if (!"file".equalsIgnoreCase(u.getScheme())) {
        return null;
      }
      return key(Path.of(u));
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String key(Path path) {
    return path.toAbsolutePath().normalize().toString().replace('\\', '/');
  }

  static String toUri(String path) {
    return Path.of(path).toUri().toString();
  }
}
