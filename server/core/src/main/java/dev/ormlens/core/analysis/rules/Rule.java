package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import java.util.List;

/** One diagnostic code's check over one file. */
public interface Rule {
  String code();

  void check(RuleContext context, List<Diagnostic> out);
}
