package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.imports.CircularImport;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.model.FileFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * ORM201: a circular import that fails. Python's import machinery is replayed from the module the
 * application imports first; a {@code from m import name} reached while {@code m} is half
 * initialised and has not yet defined {@code name} raises {@code ImportError}. Cycles that do not
 * fail (attribute access at call time, names defined before the import) are not reported. Both
 * imports that close the cycle are marked: the one that raises and the one that started it.
 */
public final class FailingCircularImport implements Rule {
  public static final String CODE = "ORM201";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public void check(RuleContext ctx, List<Diagnostic> out) {
    String path = ctx.file().path();
    ImportAnalysis imports = ctx.imports();
    for (ImportAnalysis.Finding finding : imports.circularImports()) {
      CircularImport c = finding.failure();
      String when = CircularImportWording.when(finding, !imports.entryModules().isEmpty());
      List<Diagnostic.Related> related = related(c);
      if (c.file().path().equals(path)) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                c.name().range(),
                CircularImportWording.raising(c, when),
                related));
      }
      CircularImport.Step start = c.chain().get(0);
      if (start.file().path().equals(path) && start.file() != c.file()) {
        out.add(
            ctx.diagnostic(
                CODE,
                Severity.ERROR,
                start.statement().moduleRange(),
                CircularImportWording.starting(c, when),
                related));
      }
    }
  }

  private static List<Diagnostic.Related> related(CircularImport c) {
    List<Diagnostic.Related> out = new ArrayList<>();
    for (CircularImport.Step s : c.chain()) {
      out.add(
          RuleContext.related(
              new Location(s.file().path(), s.statement().statementRange()),
              s.file().module() + " imports " + s.statement().module() + " here"));
    }
    FileFacts partial = c.chain().get(0).file();
    out.add(
        RuleContext.related(
            new Location(partial.path(), c.definition().range()),
            "'" + c.name().name() + "' is defined here, after the import"));
    return out;
  }
}
