package dev.ormlens.lsp;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.features.Completion;
import dev.ormlens.core.analysis.features.DocumentSymbols;
import dev.ormlens.core.analysis.rules.Catalogue;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.TextEdit;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Engine results to protocol types. Every range goes through the file's line map. */
final class ToLsp {
  private ToLsp() {}

  static Position position(LineMap lines, int offset) {
    var p = lines.position(offset);
    return new Position(p.line(), p.column());
  }

  static Range range(LineMap lines, TextRange r) {
    return new Range(position(lines, r.start()), position(lines, r.end()));
  }

  /** A location; null when its file left the snapshot. */
  static org.eclipse.lsp4j.Location location(WorkspaceIndex index, Location l) {
    FileFacts f = index.file(l.path()).orElse(null);
    if (f == null) {
      return null;
    }
    return new org.eclipse.lsp4j.Location(Uris.toUri(l.path()), range(f.lines(), l.range()));
  }

  static List<org.eclipse.lsp4j.Location> locations(WorkspaceIndex index, List<Location> ls) {
    List<org.eclipse.lsp4j.Location> out = new ArrayList<>();
    for (Location l : ls) {
      var loc = location(index, l);
      if (loc != null) {
        out.add(loc);
      }
    }
    return out;
  }

  static org.eclipse.lsp4j.Diagnostic diagnostic(
      WorkspaceIndex index, LineMap lines, Diagnostic d) {
    var out =
        new org.eclipse.lsp4j.Diagnostic(
            range(lines, d.range()), d.message(), severity(d.severity()), "ormlens");
    out.setCode(d.code());
    // The code's section of docs/rules.md, from the catalogue (one place for the address).
    Catalogue.entry(d.code())
        .ifPresent(e -> out.setCodeDescription(new DiagnosticCodeDescription(e.helpUri())));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Diagnostic.Related r : d.related()) {
      var loc = location(index, r.location());
      if (loc != null) {
        related.add(new DiagnosticRelatedInformation(loc, r.message()));
      }
    }
    if (!related.isEmpty()) {
      out.setRelatedInformation(related);
    }
    return out;
  }

  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFORMATION -> DiagnosticSeverity.Information;
      case HINT -> DiagnosticSeverity.Hint;
    };
  }

  static CompletionItem completion(LineMap lines, Completion.Item item) {
    CompletionItem c = new CompletionItem(item.label());
    c.setKind(
        switch (item.kind()) {
          case CLASS -> CompletionItemKind.Class;
          case TABLE -> CompletionItemKind.Struct;
          case COLUMN -> CompletionItemKind.Field;
          case RELATIONSHIP -> CompletionItemKind.Reference;
        });
    c.setDetail(item.detail());
    c.setSortText(item.sortKey());
    c.setFilterText(item.insertText());
    c.setTextEdit(
        Either.forLeft(
            new org.eclipse.lsp4j.TextEdit(range(lines, item.replace()), item.insertText())));
    return c;
  }

  static org.eclipse.lsp4j.TextEdit edit(LineMap lines, TextEdit e) {
    return new org.eclipse.lsp4j.TextEdit(range(lines, e.range()), e.newText());
  }

  static DocumentSymbol symbol(LineMap lines, DocumentSymbols.Outline o) {
    DocumentSymbol s =
        new DocumentSymbol(
            o.name(),
            kind(o.kind()),
            range(lines, o.range()),
            range(lines, o.selection()),
            o.detail());
    List<DocumentSymbol> children = new ArrayList<>();
    o.children().forEach(c -> children.add(symbol(lines, c)));
    s.setChildren(children);
    return s;
  }

  static SymbolKind kind(DocumentSymbols.Kind k) {
    return switch (k) {
      case CLASS -> SymbolKind.Class;
      case TABLE -> SymbolKind.Struct;
      case COLUMN -> SymbolKind.Field;
      case RELATIONSHIP -> SymbolKind.Property;
      case FUNCTION -> SymbolKind.Function;
    };
  }
}
