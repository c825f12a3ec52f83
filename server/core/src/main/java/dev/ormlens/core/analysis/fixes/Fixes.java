package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every quick-fix, and the two ways to ask for them: the fixes at a range (code actions) and all
 * applicable fixes of a file at once ({@code source.fixAll.ormlens}, {@code ormlens fix}). Both
 * faces call the same methods, so the same fix on the same input yields the same edits.
 */
public final class Fixes {
  /** The code action kind of the fix-all action. */
  public static final String FIX_ALL_KIND = "source.fixAll.ormlens";

  public static final String FIX_ALL_ID = "fix-all";

  private static final FixOffer FIX_ALL_OFFER =
      new FixOffer(
          FIX_ALL_ID, "Fix all ORM Lens problems in this file", FIX_ALL_KIND, true, List.of());

  private static final List<QuickFix> ALL =
      List.of(
          new MoveImportsUnderTypeChecking(),
          new MoveImportOutOfTypeChecking(),
          new AddTypeCheckingImport(),
          new ImportModelModules(),
          new DidYouMean(),
          new CreateReciprocalRelationship(),
          new AddOverlaps(),
          new MarkViewonly(),
          new ConvertToLazyResolver());

  /**
   * Which fixes a fix-all applies.
   *
   * @param unsafe apply unsafe fixes too
   * @param select when not empty, only fixes whose id or one of whose codes is listed; a
   *     refactoring (no codes) is applied only when its id is listed
   */
  public record Selection(boolean unsafe, Set<String> select) {
    public static final Selection SAFE = new Selection(false, Set.of());

    boolean accepts(QuickFix q) {
      if (select.isEmpty()) {
        return !q.codes().isEmpty();
      }
      return select.contains(q.id()) || q.codes().stream().anyMatch(select::contains);
    }

    boolean accepts(FixOffer f) {
      return unsafe || f.safe();
    }
  }

  private final Analysis analysis;
  private final List<QuickFix> quickFixes;

  public Fixes(Analysis analysis) {
    this(analysis, ALL);
  }

  Fixes(Analysis analysis, List<QuickFix> quickFixes) {
    this.analysis = analysis;
    this.quickFixes = quickFixes;
  }

  /** Ids of every fix, for documentation and {@code --select}. */
  public static List<String> ids() {
    return ALL.stream().map(QuickFix::id).toList();
  }

  /**
   * The fixes the user can pick at a range, with the file's fix-all last when it does anything,
   * each with its edits: {@link #offers} then {@link #fix} for each.
   */
  public List<Fix> at(String path, TextRange range, SourceTexts texts) {
    List<Fix> out = new ArrayList<>();
    for (Offer o : offered(context(path, range, texts))) {
      Fix f = compute(o);
      if (f != null
          && !f.edits().isEmpty()
          && out.stream().noneMatch(e -> e.edits().equals(f.edits()))) {
        out.add(f);
      }
    }
    Fix all = fixAll(path, texts, Selection.SAFE);
    if (!all.edits().isEmpty()) {
      out.add(all);
    }
    return List.copyOf(out);
  }

  /**
   * The fixes the user can pick at a range, without computing any edits: what an editor lists
   * before the user picks one. The file's fix-all is last when some problem in the file has a safe
   * fix.
   */
  public List<FixOffer> offers(String path, TextRange range, SourceTexts texts) {
    List<FixOffer> out = new ArrayList<>();
    offered(context(path, range, texts)).forEach(o -> out.add(o.what()));
    if (fixAllApplies(path, texts)) {
      out.add(FIX_ALL_OFFER);
    }
    return List.copyOf(out);
  }

  /**
   * The edits of one offer the user picked, computed against the current snapshot and texts; empty
   * when it is no longer offered at that range.
   */
  public Optional<Fix> fix(String path, TextRange range, SourceTexts texts, FixOffer picked) {
    if (picked.equals(FIX_ALL_OFFER)) {
      return fixAllApplies(path, texts)
          ? Optional.of(fixAll(path, texts, Selection.SAFE))
          : Optional.empty();
    }
    return offered(context(path, range, texts)).stream()
        .filter(o -> o.what().equals(picked))
        .findFirst()
        .map(Fixes::compute);
  }

  /**
   * The fixes for every diagnostic of a file, plus the selected refactorings over the whole file,
   * merged into one fix. A fix whose edits touch an already chosen fix's edits is left out: the
   * command line runs fix-all again until nothing changes, and an editor user applies it again.
   */
  public Fix fixAll(String path, SourceTexts texts, Selection selection) {
    EditSet merged = new EditSet();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = analysis.diagnostics(path);
    FixContext base = new FixContext(analysis, texts, path, TextRange.EMPTY, List.of());
    for (Diagnostic d : diagnostics) {
      FixContext ctx = base.at(d.range(), List.of(d));
      // The fixes for one diagnostic are alternatives (rename the misspelt back_populates, or
      // create the attribute it names): fix-all applies the first that applies, never two.
      for (QuickFix q : quickFixes) {
        if (q.codes().contains(d.code())
            && selection.accepts(q)
            && firstAccepted(q, ctx, selection, merged, seen)) {
          break;
        }
      }
    }
    int length = analysis.index().file(path).map(f -> f.lines().length()).orElse(0);
    FixContext whole = base.at(new TextRange(0, length), List.of());
    for (QuickFix q : quickFixes) {
      if (!selection.select().isEmpty() && selection.select().contains(q.id())) {
        firstAccepted(q, whole, selection, merged, seen);
      }
    }
    return merged.fix(
        FIX_ALL_ID, FIX_ALL_OFFER.title(), FIX_ALL_KIND, !selection.unsafe(), List.of());
  }

  /**
   * Merges the quick-fix's fix-all offer when it applies; true when the diagnostic is taken care of
   * (merged now, or the same edits already are).
   */
  private boolean firstAccepted(
      QuickFix q, FixContext ctx, Selection selection, EditSet merged, Map<String, Boolean> seen) {
    Offer o = forFixAll(q, ctx).orElse(null);
    Fix f = o == null || !selection.accepts(o.what()) ? null : compute(o);
    if (f == null) {
      return false;
    }
    if (seen.putIfAbsent(f.edits().toString(), true) != null) {
      return true;
    }
    if (merged.conflicts(f.edits())) {
      return false;
    }
    merged.addAll(f.edits());
    return true;
  }

  private FixContext context(String path, TextRange range, SourceTexts texts) {
    return new FixContext(analysis, texts, path, range, diagnosticsAt(path, range));
  }

  /** Every quick-fix's offers at the context's range, the first of equal offers only. */
  private List<Offer> offered(FixContext ctx) {
    List<Offer> out = new ArrayList<>();
    for (QuickFix q : quickFixes) {
      for (Offer o : run(q, ctx)) {
        if (out.stream().noneMatch(e -> e.what().equals(o.what()))) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /**
   * Whether {@link #fixAll} with {@link Selection#SAFE} would change the file: some diagnostic has
   * a safe fix. Offers only, so no edits are computed.
   */
  private boolean fixAllApplies(String path, SourceTexts texts) {
    FixContext base = new FixContext(analysis, texts, path, TextRange.EMPTY, List.of());
    for (Diagnostic d : analysis.diagnostics(path)) {
      FixContext ctx = base.at(d.range(), List.of(d));
      for (QuickFix q : quickFixes) {
        if (q.codes().contains(d.code()) && Selection.SAFE.accepts(q)) {
          Optional<Offer> o = forFixAll(q, ctx);
          if (o.isPresent() && o.get().what().safe()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<Offer> run(QuickFix q, FixContext ctx) {
    try {
      return q.offers(ctx);
    } catch (RuntimeException e) {
      // One fix's bug must not hide the others or fail the editor's request: it offers nothing.
      return List.of();
    }
  }

  private static Optional<Offer> forFixAll(QuickFix q, FixContext ctx) {
    try {
      return q.forFixAll(ctx);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The offer's edits, or null when computing them failed (a bug in that fix). */
  private static Fix compute(Offer o) {
    try {
      return o.fix();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private List<Diagnostic> diagnosticsAt(String path, TextRange range) {
    Predicate<Diagnostic> at =
        d -> d.range().start() <= range.end() && range.start() <= d.range().end();
    return analysis.diagnostics(path).stream().filter(at).toList();
  }
}
