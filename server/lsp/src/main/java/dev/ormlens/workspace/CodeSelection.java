package dev.ormlens.workspace;

import dev.ormlens.core.analysis.rules.Catalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which diagnostic codes to report, from {@code select} and {@code ignore} lists of codes or code
 * prefixes ({@code ORM1}, {@code ORM104}, {@code ALL}). The most specific matching entry wins, so
 * {@code select = ["ORM1"], ignore = ["ORM104"]} reports every ORM1xx code but ORM104, and {@code
 * select = ["ORM104"], ignore = ["ORM1"]} reports ORM104 alone; on a tie, {@code ignore} wins.
 */
public record CodeSelection(List<String> select, List<String> ignore) {
  /** Everything selected, nothing ignored. */
  public static final CodeSelection ALL = new CodeSelection(List.of("ORM"), List.of());

  public CodeSelection {
    select = List.copyOf(select);
    ignore = List.copyOf(ignore);
  }

  /**
   * Checks and normalises user-written entries ({@code orm101} is {@code ORM101}, {@code ALL} is
   * every code); {@code where} names the source for the message of an unknown code.
   */
  public static CodeSelection of(List<String> select, List<String> ignore, String where)
      throws InvalidSettings {
    return new CodeSelection(
        select.isEmpty() ? ALL.select() : normalise(select, where + "select"),
        normalise(ignore, where + "ignore"));
  }

  /** This selection with command-line lists on top: a given select replaces, ignore adds. */
  public CodeSelection with(List<String> moreSelect, List<String> moreIgnore)
      throws InvalidSettings {
    List<String> sel = moreSelect.isEmpty() ? select : normalise(moreSelect, "--select");
    List<String> ign = new ArrayList<>(ignore);
    ign.addAll(normalise(moreIgnore, "--ignore"));
    return new CodeSelection(sel, ign);
  }

  /** Whether findings of this code are reported; codes outside the catalogue always are. */
  public boolean accepts(String code) {
    if (Catalogue.entry(code).isEmpty()) {
      return true;
    }
    int selected = longestPrefix(select, code);
    int ignored = longestPrefix(ignore, code);
    return selected > ignored;
  }

  private static int longestPrefix(List<String> prefixes, String code) {
    int best = -1;
    for (String p : prefixes) {
      if (code.startsWith(p)) {
        best = Math.max(best, p.length());
      }
    }
    return best;
  }

  private static List<String> normalise(List<String> entries, String where) throws InvalidSettings {
    List<String> out = new ArrayList<>();
    for (String raw : entries) {
      String e = raw.strip().toUpperCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      if (e.equals("ALL")) {
        e = "ORM";
      }
      String prefix = e;
      if (Catalogue.all().stream().noneMatch(c -> c.code().startsWith(prefix))) {
        throw new InvalidSettings(
            where + ": unknown code or prefix '" + raw.strip() + "' (codes: " + codes() + ")");
      }
      out.add(e);
    }
    return out;
  }

  private static String codes() {
    return String.join(", ", Catalogue.all().stream().map(Catalogue.Entry::code).toList());
  }
}
