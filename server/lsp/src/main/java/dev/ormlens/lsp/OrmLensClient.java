package dev.ormlens.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as ORM Lens sees it: a language client that may listen for our status. */
public interface OrmLensClient extends LanguageClient {
  /**
   * {@code ormlens/status}: {@code {"state": "indexing"|"ready"|"error", "models": n, "files": n,
   * "message": s}}. Clients that do not know it ignore it.
   */
  @JsonNotification("ormlens/status")
  void status(JsonObject params);
}
