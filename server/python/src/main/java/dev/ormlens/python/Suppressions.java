package dev.ormlens.python;

import dev.ormlens.core.text.LineMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds per-line suppression comments: {@code # ormlens: ignore[ORM101, ORM301]} silences those
 * codes on its line, {@code # ormlens: ignore} silences every code.
 */
final class Suppressions {
  private static final Pattern COMMENT =
      Pattern.compile("#\\s*ormlens:\\s*ignore(?:\\[([A-Za-z0-9_,\\s]*)\\])?");

  private Suppressions() {}

  static Map<Integer, Set<String>> find(String text, LineMap lines) {
    if (!text.contains("ormlens:")) {
      return Map.of();
    }
    Map<Integer, Set<String>> out = new HashMap<>();
    Matcher m = COMMENT.matcher(text);
    while (m.find()) {
      Set<String> codes = new LinkedHashSet<>();
      if (m.group(1) != null) {
        for (String code : m.group(1).split(",")) {
          if (!code.isBlank()) {
            codes.add(code.trim().toUpperCase());
          }
        }
      }
      out.put(lines.lineOf(m.start()), Set.copyOf(codes));
    }
    return Map.copyOf(out);
  }
}
