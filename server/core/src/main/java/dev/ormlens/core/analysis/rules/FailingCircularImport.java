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
 *
 * <p>Severity follows certainty: an error when the failure follows from the application's entry
 * modules; without them, each model module is tried as the first import, and a failure is latent (a
 * warning that names the first import it needs), since the application may never import that module
 * first.
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
      boolean known = !imports.entryModules().isEmpty();
      String when = CircularImportWording.when(finding, known);
      Severity severity = known ? Severity.ERROR : Severity.WARNING;
      String latent = known ? "" : "latent ";
      List<Diagnostic.Related> related = related(c);
      if (c.file().path().equals(path)) {
        out.add(
            ctx.diagnostic(
                CODE,
                severity,
                c.name().range(),
                latent + CircularImportWording.raising(c, when),
                related));
      }
      CircularImport.Step start = c.chain().get(0);
      if (start.file().path().equals(path) && start.file() != c.file()) {
        out.add(
            ctx.diagnostic(
                CODE,
                severity,
                start.statement().moduleRange(),
                latent + CircularImportWording.starting(c, when),
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
