package dev.ormlens.bench;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.workspace.cache.ContentHash;
import dev.ormlens.workspace.cache.IndexCache;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
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

/** Saving and reading the on-disk index cache of a generated workspace. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IndexCacheBench {
  @Param({"1000"})
  public int models;

  private IndexCache cache;
  private List<IndexCache.Entry> entries;

  @Setup
  public void setUp() throws IOException {
    GeneratedWorkspace ws = GeneratedWorkspace.of(models);
    entries = new ArrayList<>();
    for (FileFacts f : ws.facts()) {
      String text = ws.texts().get(f.path());
      entries.add(new IndexCache.Entry(text.length(), 0, ContentHash.of(text), f));
    }
    cache =
        IndexCache.forWorkspace(Files.createTempDirectory("ormlens-cache-bench"), "bench")
            .orElseThrow();
    cache.save(entries);
  }

  @Benchmark
  public void save() {
    cache.save(entries);
  }

  @Benchmark
  public Map<String, IndexCache.Entry> load() {
    return cache.load();
  }
}
