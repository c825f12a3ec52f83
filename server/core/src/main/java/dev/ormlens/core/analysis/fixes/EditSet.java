package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.TextEdit;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Edits to several files, gathered while a fix is computed. Insertions at one offset are joined in
 * the order they were added, so a fix can ask for "an import, then a block" at one place; any other
 * overlap is a bug in the fix and throws.
 */
final class EditSet {
  private final Map<String, List<TextEdit>> byPath = new TreeMap<>();

  void insert(String path, int offset, String text) {
    replace(path, new TextRange(offset, offset), text);
  }

  void replace(String path, TextRange range, String text) {
    List<TextEdit> edits = byPath.computeIfAbsent(path, p -> new ArrayList<>());
    for (int i = 0; i < edits.size(); i++) {
      TextEdit e = edits.get(i);
      if (range.length() == 0 && e.range().equals(range)) {
        edits.set(i, new TextEdit(range, e.newText() + text));
        return;
      }
      if (range.overlaps(e.range())
          || (range.length() == 0 && e.range().containsStrictly(range.start()))
          || (e.range().length() == 0 && range.containsStrictly(e.range().start()))) {
        throw new IllegalStateException("overlapping edits at " + range + " and " + e.range());
      }
    }
    edits.add(new TextEdit(range, text));
  }

  boolean isEmpty() {
    return byPath.values().stream().allMatch(List::isEmpty);
  }

  /** Whether any edit here touches a range edited by {@code other} (same file, overlapping). */
  boolean conflicts(Map<String, List<TextEdit>> other) {
    for (Map.Entry<String, List<TextEdit>> e : other.entrySet()) {
      for (TextEdit a : byPath.getOrDefault(e.getKey(), List.of())) {
        for (TextEdit b : e.getValue()) {
          if (touches(a.range(), b.range())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  void addAll(Map<String, List<TextEdit>> other) {
    other.forEach((path, edits) -> edits.forEach(e -> replace(path, e.range(), e.newText())));
  }

  /** The edits, sorted by position within each file; files in path order. */
  Map<String, List<TextEdit>> build() {
    Map<String, List<TextEdit>> out = new LinkedHashMap<>();
    byPath.forEach(
        (path, edits) -> {
          if (!edits.isEmpty()) {
            List<TextEdit> sorted = new ArrayList<>(edits);
            sorted.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()));
            out.put(path, List.copyOf(sorted));
          }
        });
    return out;
  }

  Fix fix(String id, String title, String kind, boolean safe, List<String> codes) {
    return new Fix(id, title, kind, safe, List.copyOf(codes), build());
  }

  private static boolean touches(TextRange a, TextRange b) {
    return a.overlaps(b)
        || a.start() == b.start()
        || (a.length() == 0 && b.contains(a.start()))
        || (b.length() == 0 && a.contains(b.start()));
  }
}
