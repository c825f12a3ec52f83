package dev.ormlens.lsp;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.lsp.OpenDocuments.Document;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs requests on one worker thread with a cancel check, so {@code $/cancelRequest} is honoured
 * and the reader thread never waits. Every handler is guarded: a failure is logged and answered
 * with an error, never fatal. Document requests see the document's latest text, and a result
 * computed for a version the editor has moved past is answered with {@code ContentModified}.
 */
final class Requests {
  /** What a document request sees. */
  record Context(Snapshot snapshot, String path, FileFacts file, CancelChecker cancel) {
    int offset(org.eclipse.lsp4j.Position p) {
      return FromLsp.offset(file.lines(), p);
    }
  }

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(Reindexer.daemon("ormlens-requests"));
  private final OpenDocuments documents;
  private final Reindexer reindexer;
  private final Log log;

  Requests(OpenDocuments documents, Reindexer reindexer, Log log) {
    this.documents = documents;
    this.reindexer = reindexer;
    this.log = log;
  }

  /**
   * A request about the workspace as a whole. After {@code shutdown} requests are answered with
   * {@code InvalidRequest}, as the protocol asks.
   */
  <R> CompletableFuture<R> run(String method, Function<CancelChecker, R> body) {
    if (executor.isShutdown()) {
      return shuttingDown(method);
    }
    try {
      return compute(method, body);
    } catch (RejectedExecutionException e) {
      return shuttingDown(method);
    }
  }

  private static <R> CompletableFuture<R> shuttingDown(String method) {
    return CompletableFuture.failedFuture(
        new ResponseErrorException(
            new ResponseError(
                ResponseErrorCode.InvalidRequest, method + ": the server is shutting down", null)));
  }

  private <R> CompletableFuture<R> compute(String method, Function<CancelChecker, R> body) {
    return CompletableFutures.computeAsync(
        executor,
        cancel -> {
          try {
            cancel.checkCanceled();
            return body.apply(cancel);
          } catch (CancellationException | ResponseErrorException e) {
            throw e;
          } catch (RuntimeException | StackOverflowError e) {
            log.error(method + " failed", e);
            throw new ResponseErrorException(
                new ResponseError(ResponseErrorCode.RequestFailed, method + " failed: " + e, null));
          }
        });
  }

  /**
   * A request about one document: {@code empty} for a document outside the workspace, unknown or
   * closed and absent from disk.
   */
  <R> CompletableFuture<R> document(String method, String uri, R empty, Function<Context, R> body) {
    return run(
        method,
        cancel -> {
          String path = uri == null ? null : Uris.toPath(uri);
          if (path == null) {
            return empty;
          }
          awaitIndex(method, cancel);
          Integer before = documents.get(path).map(Document::version).orElse(null);
          Snapshot snapshot = reindexer.ensureCurrent(path);
          FileFacts file = snapshot.index().file(path).orElse(null);
          if (file == null) {
            return empty;
          }
          R result = body.apply(new Context(snapshot, path, file, cancel));
          cancel.checkCanceled();
          Integer after = documents.get(path).map(Document::version).orElse(null);
          if (!Objects.equals(before, after)) {
            throw new ResponseErrorException(
                new ResponseError(
                    ResponseErrorCode.ContentModified, "the document changed meanwhile", null));
          }
          return result;
        });
  }

  /**
   * Waits for the workspace index, so that an editor never gets an empty answer that would be right
   * a moment later (a definition in a class whose base is not indexed yet). Past {@link
   * #INDEX_WAIT_MS} the request fails saying so, and the editor may ask again.
   */
  private void awaitIndex(String method, CancelChecker cancel) {
    long deadline = System.nanoTime() + INDEX_WAIT_MS * 1_000_000L;
    while (reindexer.loading()) {
      cancel.checkCanceled();
      if (System.nanoTime() > deadline) {
        throw new ResponseErrorException(
            new ResponseError(
                ResponseErrorCode.RequestFailed,
                method + ": ORM Lens is still indexing the workspace; try again in a moment",
                null));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for the index");
      }
    }
  }

  /** How long a document request waits for the workspace index before saying it is not ready. */
  static final long INDEX_WAIT_MS = 15_000;

  /** Stops accepting requests; those already queued are still answered. */
  void shutdown() {
    executor.shutdown();
  }
}
