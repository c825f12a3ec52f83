package dev.ormlens.bench;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.python.PreScan;
import dev.ormlens.python.PythonFrontEnd;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One file through the front end: a model module parsed, a service module read from tokens. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrontEndBench {
  private String modelPath;
  private String modelText;
  private String servicePath;
  private String serviceText;

  @Setup
  public void setUp() {
    GeneratedWorkspace ws = GeneratedWorkspace.of(100);
    modelPath = ws.busiestModelModule();
    modelText = ws.texts().get(modelPath);
    for (Map.Entry<String, String> e : ws.texts().entrySet()) {
      if (e.getKey().contains("/services/n") && !PreScan.needsFullParse(e.getValue())) {
        servicePath = e.getKey();
        serviceText = e.getValue();
        break;
      }
    }
  }

  @Benchmark
  public FileFacts parseModelFile() {
    return GeneratedWorkspace.extract(modelPath, modelText);
  }

  @Benchmark
  public FileFacts parseServiceFile() {
    return PythonFrontEnd.extract(servicePath, "pkg.services.n0", serviceText);
  }

  @Benchmark
  public FileFacts preScannedServiceFile() {
    return GeneratedWorkspace.extract(servicePath, serviceText);
  }
}
