package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.TextRange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fix may read: the snapshot (through the analysis), the files' current text, the file and
 * range the user asked about, and the diagnostics there.
 *
 * <p>A fix computes edits against the current text only when it agrees with the snapshot (same
 * length and hash are not kept, so fixes re-check what they replace before editing it).
 */
public final class FixContext {
  private final Analysis analysis;
  private final SourceTexts texts;
  private final String path;
  private final TextRange range;
  private final List<Diagnostic> diagnostics;
  private final Map<String, Optional<PythonText>> cache = new HashMap<>();

  FixContext(
      Analysis analysis,
      SourceTexts texts,
      String path,
      TextRange range,
      List<Diagnostic> diagnostics) {
    this.analysis = analysis;
    this.texts = texts;
    this.path = path;
    this.range = range;
    this.diagnostics = diagnostics;
  }

  FixContext at(TextRange other, List<Diagnostic> diagnosticsThere) {
    return new FixContext(analysis, texts, path, other, diagnosticsThere);
  }

  public Analysis analysis() {
    return analysis;
  }

  public OrmModel model() {
    return analysis.model();
  }

  public String path() {
    return path;
  }

  public TextRange range() {
    return range;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public boolean hasDiagnostic(String code) {
    return diagnostics.stream().anyMatch(d -> d.code().equals(code));
  }

  public FileResolution resolution() {
    return analysis.resolution(path);
  }

  public Optional<FileFacts> file() {
    return analysis.index().file(path);
  }

  /** The file's current text, when it is readable and agrees with the snapshot. */
  Optional<PythonText> text(String file) {
    return cache.computeIfAbsent(
        file,
        p -> {
          Optional<FileFacts> facts = analysis.index().file(p);
          return texts
              .text(p)
              .filter(t -> facts.isEmpty() || facts.get().lines().length() == t.length())
              .map(PythonText::new);
        });
  }

  /** Whether the range the user asked about touches {@code r}. */
  boolean touches(TextRange r) {
    return r.start() <= range.end() && range.start() <= r.end();
  }
}
