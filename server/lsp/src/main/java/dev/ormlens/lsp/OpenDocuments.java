package dev.ormlens.lsp;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The documents open in the editor: their text and version, kept in step with incremental changes.
 * Open buffers shadow the files on disk. Updated on the protocol's reader thread, so applying a
 * change is plain string work; nothing is parsed here.
 */
final class OpenDocuments {
  /** One open document: an immutable value, replaced on every change. */
  record Document(String uri, String path, int version, String text) {}

  private final Map<String, Document> byPath = new ConcurrentHashMap<>();

  Document open(String uri, String path, int version, String text) {
    Document d = new Document(uri, path, version, text);
    byPath.put(path, d);
    return d;
  }

  /** Applies the changes in order; a change without a range replaces the whole text. */
  Optional<Document> change(
      String path, int version, List<TextDocumentContentChangeEvent> changes) {
    Document d = byPath.get(path);
    if (d == null) {
      return Optional.empty();
    }
    String text = d.text();
    for (TextDocumentContentChangeEvent c : changes) {
      if (c == null || c.getText() == null) {
        // A change without text is malformed: applying it would lose the buffer (or write
        // "null" into it). The document keeps its last good text and version.
        throw new IllegalArgumentException(
            "didChange for " + path + " has a change without text; the document is left as it was");
      }
      text = apply(text, c);
    }
    Document next = new Document(d.uri(), path, version, text);
    byPath.put(path, next);
    return Optional.of(next);
  }

  static String apply(String text, TextDocumentContentChangeEvent change) {
    if (change.getRange() == null) {
      return change.getText();
    }
    LineMap lines = LineMap.of(text);
    int start = lines.offset(FromLsp.position(change.getRange().getStart()), text);
    int end = lines.offset(FromLsp.position(change.getRange().getEnd()), text);
    if (end < start) {
      int t = start;
      start = end;
      end = t;
    }
    return text.substring(0, start) + change.getText() + text.substring(end);
  }

  void close(String path) {
    byPath.remove(path);
  }

  Optional<Document> get(String path) {
    return Optional.ofNullable(path == null ? null : byPath.get(path));
  }

  java.util.Collection<Document> all() {
    return byPath.values();
  }

  /** The current text of a path: the open buffer if any. */
  Optional<String> text(String path) {
    return get(path).map(Document::text);
  }

  static Position position(org.eclipse.lsp4j.Position p) {
    return FromLsp.position(p);
  }
}
