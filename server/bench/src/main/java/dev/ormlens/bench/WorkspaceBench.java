package dev.ormlens.bench;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A generated workspace (1,000 models and 3,000 other modules by default): building the snapshot
 * and its ORM model, analysing every file, and the work one edit costs (a new snapshot, its model,
 * the edited file's diagnostics).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss4m")
public class WorkspaceBench {
  @Param({"1000"})
  public int models;

  /** The generated package's entry module, as a user configures it (case.json's entries). */
  private static final AnalysisSettings SETTINGS =
      new AnalysisSettings(java.util.Set.of(), Map.of(), List.of("pkg"), null);

  private List<FileFacts> facts;
  private WorkspaceIndex index;
  private Analysis analysis;
  private String editedPath;
  private FileFacts[] edits;
  private int next;

  @Setup
  public void setUp() {
    GeneratedWorkspace ws = GeneratedWorkspace.of(models);
    facts = ws.facts();
    index = WorkspaceIndex.of(facts);
    analysis = new Analysis(index, SETTINGS);
    editedPath = ws.busiestModelModule();
    String text = ws.texts().get(editedPath);
    // Two versions of the edited file, alternated: a comment line added on top shifts every range.
    edits =
        new FileFacts[] {
          GeneratedWorkspace.extract(editedPath, "# edited\n" + text),
          GeneratedWorkspace.extract(editedPath, text)
        };
  }

  @Benchmark
  public OrmModel buildIndexAndModel() {
    return WorkspaceIndex.of(facts).model();
  }

  @Benchmark
  public Map<String, List<Diagnostic>> analyseWorkspace() {
    return new Analysis(WorkspaceIndex.of(facts), SETTINGS).allDiagnostics();
  }

  /** What the language server does per edit: a derived snapshot, its analysis, the file. */
  @Benchmark
  public List<Diagnostic> editBusiestModelFile() {
    index = index.withFile(edits[next++ % 2]);
    analysis = analysis.next(index);
    return analysis.diagnostics(editedPath);
  }
}
