package dev.ormlens.lsp;

import dev.ormlens.core.text.LineMap;
import dev.ormlens.core.text.Position;
import dev.ormlens.core.text.TextRange;
import org.eclipse.lsp4j.Range;

/**
 * Protocol positions to engine offsets. LSP columns count UTF-16 code units, as Java strings and
 * the engine do, so only lines need mapping.
 */
final class FromLsp {
  private FromLsp() {}

  static Position position(org.eclipse.lsp4j.Position p) {
    return new Position(p.getLine(), p.getCharacter());
  }

  static int offset(LineMap lines, org.eclipse.lsp4j.Position p) {
    return lines.offset(position(p));
  }

  static TextRange range(LineMap lines, Range r) {
    int start = offset(lines, r.getStart());
    int end = offset(lines, r.getEnd());
    return new TextRange(Math.min(start, end), Math.max(start, end));
  }
}
