package dev.ormlens.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.features.CodeLenses;
import dev.ormlens.core.analysis.features.Completion;
import dev.ormlens.core.analysis.features.DocumentSymbols;
import dev.ormlens.core.analysis.features.Rename;
import dev.ormlens.core.analysis.fixes.Fix;
import dev.ormlens.core.analysis.fixes.FixOffer;
import dev.ormlens.core.analysis.fixes.SourceTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DeclarationParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: each handler converts, asks the engine, converts back. Notifications only
 * record text and schedule re-indexing; requests run on the request thread.
 */
final class TextDocuments implements TextDocumentService {
  private final OpenDocuments documents;
  private final Reindexer reindexer;
  private final Requests requests;
  private final Log log;
  private volatile boolean lazyEdits;

  TextDocuments(OpenDocuments documents, Reindexer reindexer, Requests requests, Log log) {
    this.documents = documents;
    this.reindexer = reindexer;
    this.requests = requests;
    this.log = log;
  }

  SourceTexts texts() {
    return path -> {
      Optional<String> open = documents.text(path);
      if (open.isPresent()) {
        return open;
      }
      try {
        return Optional.of(java.nio.file.Files.readString(java.nio.file.Path.of(path)));
      } catch (java.io.IOException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }

  // ---- notifications: record, schedule, return

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    guard(
        "didOpen",
        () -> {
          var d = params.getTextDocument();
          String path = Uris.toPath(d.getUri());
          if (path != null && d.getText() == null) {
            // Never hand the parser a null text: the file is read from disk instead.
            throw new IllegalArgumentException(
                "didOpen for " + d.getUri() + " has no text; the file is read from disk");
          }
          if (path != null) {
            documents.open(d.getUri(), path, d.getVersion(), d.getText());
            reindexer.schedule(path);
          }
        });
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    guard(
        "didChange",
        () -> {
          String path = Uris.toPath(params.getTextDocument().getUri());
          if (path != null
              && documents
                  .change(path, params.getTextDocument().getVersion(), params.getContentChanges())
                  .isPresent()) {
            reindexer.schedule(path);
          }
        });
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    guard(
        "didClose",
        () -> {
          String path = Uris.toPath(params.getTextDocument().getUri());
          if (path != null) {
            documents.close(path);
            reindexer.closed(path);
          }
        });
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {}

  private void guard(String what, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error(what + " failed", e);
    }
  }

  // ---- navigation

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    return requests.document(
        "definition",
        params.getTextDocument().getUri(),
        Either.forLeft(List.of()),
        c ->
            Either.forLeft(
                ToLsp.locations(
                    c.snapshot().index(),
                    c.snapshot()
                        .analysis()
                        .definitionAt(c.path(), c.offset(params.getPosition())))));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      declaration(DeclarationParams params) {
    return requests.document(
        "declaration",
        params.getTextDocument().getUri(),
        Either.forLeft(List.of()),
        c ->
            Either.forLeft(
                ToLsp.locations(
                    c.snapshot().index(),
                    c.snapshot()
                        .analysis()
                        .declarationAt(c.path(), c.offset(params.getPosition()), texts()))));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    boolean withDeclaration =
        params.getContext() != null && params.getContext().isIncludeDeclaration();
    return requests.document(
        "references",
        params.getTextDocument().getUri(),
        List.of(),
        c ->
            ToLsp.locations(
                c.snapshot().index(),
                c.snapshot()
                    .analysis()
                    .references(c.path(), c.offset(params.getPosition()), withDeclaration)));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return requests.document(
        "hover",
        params.getTextDocument().getUri(),
        null,
        c ->
            c.snapshot()
                .analysis()
                .hover(c.path(), c.offset(params.getPosition()))
                .map(
                    h ->
                        new Hover(
                            new MarkupContent(MarkupKind.MARKDOWN, h.markdown()),
                            ToLsp.range(c.file().lines(), h.range())))
                .orElse(null));
  }

  /** Enough to scroll through; past it the typed characters narrow the list (isIncomplete). */
  static final int MAX_COMPLETION_ITEMS = 200;

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return requests.document(
        "completion",
        params.getTextDocument().getUri(),
        Either.forLeft(List.of()),
        c -> {
          String text = documents.text(c.path()).orElse(null);
          int offset = c.offset(params.getPosition());
          Completion.Narrowed narrowed =
              c.snapshot().analysis().completion(c.path(), offset, text, MAX_COMPLETION_ITEMS);
          List<CompletionItem> items = new ArrayList<>();
          for (Completion.Item i : narrowed.items()) {
            items.add(ToLsp.completion(c.file().lines(), i));
          }
          return Either.forRight(new CompletionList(narrowed.incomplete(), items));
        });
  }

  // ---- rename

  @Override
  public CompletableFuture<
          Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return requests.document(
        "prepareRename",
        params.getTextDocument().getUri(),
        null,
        c ->
            c.snapshot()
                .analysis()
                .prepareRename(c.path(), c.offset(params.getPosition()), texts())
                .map(
                    p ->
                        Either3
                            .<org.eclipse.lsp4j.Range, PrepareRenameResult,
                                PrepareRenameDefaultBehavior>
                                forSecond(
                                    new PrepareRenameResult(
                                        ToLsp.range(c.file().lines(), p.range()), p.placeholder())))
                .orElse(null));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return requests.document(
        "rename",
        params.getTextDocument().getUri(),
        null,
        c -> {
          Rename.Result r =
              c.snapshot()
                  .analysis()
                  .rename(c.path(), c.offset(params.getPosition()), params.getNewName(), texts());
          if (r.error() != null) {
            throw new ResponseErrorException(
                new ResponseError(ResponseErrorCode.RequestFailed, r.error(), null));
          }
          return edit(c.snapshot(), r.edits());
        });
  }

  /** Engine edits as a workspace edit, versioned for open documents. */
  WorkspaceEdit edit(
      Snapshot snapshot, java.util.Map<String, List<dev.ormlens.core.text.TextEdit>> edits) {
    List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = new ArrayList<>();
    for (var e : edits.entrySet()) {
      var file = snapshot.index().file(e.getKey()).orElse(null);
      String text = texts().text(e.getKey()).orElse(null);
      if (text == null) {
        continue;
      }
      var lines =
          file != null && documents.get(e.getKey()).isEmpty()
              ? file.lines()
              : dev.ormlens.core.text.LineMap.of(text);
      List<org.eclipse.lsp4j.TextEdit> out = new ArrayList<>();
      e.getValue().forEach(x -> out.add(ToLsp.edit(lines, x)));
      Integer version = documents.get(e.getKey()).map(OpenDocuments.Document::version).orElse(null);
      changes.add(
          Either.forLeft(
              new TextDocumentEdit(
                  new VersionedTextDocumentIdentifier(Uris.toUri(e.getKey()), version), out)));
    }
    return new WorkspaceEdit(changes);
  }

  // ---- symbols and lenses

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return requests.document(
        "documentSymbol",
        params.getTextDocument().getUri(),
        List.of(),
        c -> {
          List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
          for (DocumentSymbols.Outline o : c.snapshot().analysis().documentSymbols(c.path())) {
            out.add(Either.forRight(ToLsp.symbol(c.file().lines(), o)));
          }
          return out;
        });
  }

  @Override
  public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
    return requests.document(
        "codeLens",
        params.getTextDocument().getUri(),
        List.of(),
        c -> {
          List<CodeLens> out = new ArrayList<>();
          for (CodeLenses.Lens l : c.snapshot().analysis().codeLenses(c.path())) {
            var range = ToLsp.range(c.file().lines(), l.declaration().range());
            List<Object> args =
                List.of(
                    Uris.toUri(c.path()),
                    range.getStart(),
                    ToLsp.locations(c.snapshot().index(), l.references()));
            out.add(
                new CodeLens(range, new Command(l.title(), "ormlens.showReferences", args), null));
          }
          return out;
        });
  }

  // ---- diagnostics (pull) and code actions

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return requests.document(
        "diagnostic",
        params.getTextDocument().getUri(),
        new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of())),
        c -> {
          List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
          for (Diagnostic d : c.snapshot().analysis().diagnostics(c.path())) {
            out.add(ToLsp.diagnostic(c.snapshot().index(), c.file().lines(), d));
          }
          return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(out));
        });
  }

  /**
   * Lists the fixes at a range. When the client resolves edits lazily ({@code
   * codeAction.resolveSupport} names {@code edit}) the actions carry no edit, only the {@link
   * FixOffer} and the document version in {@code data}; {@link #resolveCodeAction} computes the
   * edit of the one the user picks. Otherwise every edit is computed now.
   */
  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    return requests.document(
        "codeAction",
        uri,
        List.of(),
        c -> {
          List<Either<Command, CodeAction>> out = new ArrayList<>();
          var range = FromLsp.range(c.file().lines(), params.getRange());
          if (lazyEdits) {
            Integer version =
                documents.get(c.path()).map(OpenDocuments.Document::version).orElse(null);
            for (FixOffer f : c.snapshot().analysis().fixOffers(c.path(), range, texts())) {
              out.add(
                  Either.forRight(CodeActionData.unresolved(f, uri, params.getRange(), version)));
            }
          } else {
            for (Fix f : c.snapshot().analysis().fixes(c.path(), range, texts())) {
              out.add(Either.forRight(action(c.snapshot(), f)));
            }
          }
          return out;
        });
  }

  CodeAction action(Snapshot snapshot, Fix f) {
    CodeAction a = new CodeAction(f.title());
    a.setKind(f.kind());
    a.setEdit(edit(snapshot, f.edits()));
    JsonObject data = new JsonObject();
    data.add("id", new JsonPrimitive(f.id()));
    a.setData(data);
    return a;
  }

  /**
   * Computes the edit of the action the user picked. If the document changed since the actions were
   * listed, the answer is {@code ContentModified}: the range and the offer were computed for text
   * that no longer exists, and the editor asks again for the current text. The same when the fix no
   * longer applies. An action that already has its edit (eager clients) comes back unchanged.
   */
  @Override
  public CompletableFuture<CodeAction> resolveCodeAction(CodeAction unresolved) {
    CodeActionData data = CodeActionData.of(unresolved).orElse(null);
    if (unresolved.getEdit() != null || data == null) {
      return CompletableFuture.completedFuture(unresolved);
    }
    return requests.document(
        "codeAction/resolve",
        data.uri(),
        unresolved,
        c -> {
          Integer now = documents.get(c.path()).map(OpenDocuments.Document::version).orElse(null);
          if (!java.util.Objects.equals(now, data.version())) {
            throw contentModified("the document changed since the code actions were listed");
          }
          var range = FromLsp.range(c.file().lines(), data.range());
          Fix fix =
              c.snapshot()
                  .analysis()
                  .fix(c.path(), range, texts(), data.offer())
                  .orElseThrow(() -> contentModified("the fix no longer applies"));
          unresolved.setEdit(edit(c.snapshot(), fix.edits()));
          return unresolved;
        });
  }

  /** Whether the client computes edits on resolve; set from its capabilities at initialize. */
  void resolveEditsLazily(boolean lazy) {
    this.lazyEdits = lazy;
  }

  private static ResponseErrorException contentModified(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.ContentModified, message, null));
  }
}
