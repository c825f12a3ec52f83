package dev.ormlens.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ormlens.core.analysis.fixes.FixOffer;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;

/**
 * What an unresolved code action carries in {@code data} so {@code codeAction/resolve} can compute
 * its edit: the document, the range the actions were listed for, the document version then, and the
 * offer the user picked.
 *
 * @param version the open document's version when listed, null for a file read from disk
 */
record CodeActionData(String uri, Range range, Integer version, FixOffer offer) {
  private static final Gson GSON = new Gson();

  /** An action without its edit. */
  static CodeAction unresolved(FixOffer offer, String uri, Range range, Integer version) {
    CodeAction a = new CodeAction(offer.title());
    a.setKind(offer.kind());
    a.setData(GSON.toJsonTree(new CodeActionData(uri, range, version, offer)));
    return a;
  }

  /** The data of an action this server listed, or empty for anything else. */
  static Optional<CodeActionData> of(CodeAction action) {
    try {
      JsonElement json = GSON.toJsonTree(action.getData());
      if (!(json instanceof JsonObject o) || !o.has("offer") || !o.has("uri")) {
        return Optional.empty();
      }
      CodeActionData d = GSON.fromJson(o, CodeActionData.class);
      return d.uri() == null || d.range() == null || d.offer() == null || d.offer().id() == null
          ? Optional.empty()
          : Optional.of(d);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
