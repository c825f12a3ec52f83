package dev.ormlens.lsp;

import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/** The protocol ORM Lens serves: LSP plus its own requests. */
public interface OrmLensApi extends LanguageServer {
  /**
   * {@code ormlens/graph}: the entity-relationship graph, of the workspace or around one file
   * ({@code {"uri": ...}}).
   */
  @JsonRequest("ormlens/graph")
  CompletableFuture<JsonObject> graph(JsonObject params);

  /** {@code ormlens/importGraph}: the module import graph, when the engine provides it. */
  @JsonRequest("ormlens/importGraph")
  CompletableFuture<JsonObject> importGraph(JsonObject params);
}
