package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.text.TextRange;
import java.util.List;

/**
 * The registry of quick-fixes, by diagnostic code. Empty until fixes are registered; the language
 * server and {@code ormlens fix} ask it for the fixes that apply to a range.
 */
public final class Fixes {
  private Fixes() {}

  /** The fixes for the diagnostics overlapping a range of a file. */
  public static List<Fix> at(Analysis analysis, String path, TextRange range, SourceTexts texts) {
    return List.of();
  }
}
