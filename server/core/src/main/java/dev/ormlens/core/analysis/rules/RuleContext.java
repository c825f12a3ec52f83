package dev.ormlens.core.analysis.rules;

import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.FileResolution;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.analysis.Severity;
import dev.ormlens.core.analysis.SyncTargets;
import dev.ormlens.core.analysis.imports.ImportAnalysis;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.core.text.TextRange;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a rule may read: the snapshot, its model, the file's resolution, the import graph, and
 * workspace-wide results computed once per snapshot.
 */
public record RuleContext(
    WorkspaceIndex index,
    OrmModel model,
    FileResolution resolution,
    Function<OrmModel.RelationshipSite, FileResolution.ResolvedRelationship> resolveSite,
    ImportAnalysis imports,
    Supplier<SyncTargets> syncTargets,
    Function<OrmModel.MappedClass, java.util.Set<String>> backrefsTo) {
  public FileFacts file() {
    return resolution.file();
  }

  /**
   * The file's relationships a check may reason about: not those a {@code declared_attr} returns
   * only under a condition, since which classes have them is not known.
   */
  public List<FileResolution.ResolvedRelationship> checkedRelationships() {
    return resolution.relationships().stream().filter(r -> !r.site().fact().conditional()).toList();
  }

  public Diagnostic diagnostic(
      String code,
      Severity severity,
      TextRange range,
      String message,
      List<Diagnostic.Related> related) {
    return new Diagnostic(code, severity, file().path(), range, message, List.copyOf(related));
  }

  public static Diagnostic.Related related(Location location, String message) {
    return new Diagnostic.Related(location, message);
  }
}
