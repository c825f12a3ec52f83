package dev.ormlens.core.analysis.fixes;

import dev.ormlens.core.text.TextEdit;
import java.util.List;
import java.util.Map;

/**
 * One repair the user can apply.
 *
 * @param id stable identifier of the fix kind, e.g. {@code convert-to-lazy-resolver}
 * @param kind an LSP-style code action kind: {@code quickfix}, {@code source.fixAll.ormlens},
 *     {@code refactor.rewrite}
 * @param safe one right answer and no change to schema or run-time behaviour; {@code ormlens fix}
 *     applies only safe fixes unless told otherwise
 * @param codes the diagnostic codes it repairs (empty for refactorings)
 * @param edits per workspace path, non-overlapping edits against that file's current text
 */
public record Fix(
    String id,
    String title,
    String kind,
    boolean safe,
    List<String> codes,
    Map<String, List<TextEdit>> edits) {}
