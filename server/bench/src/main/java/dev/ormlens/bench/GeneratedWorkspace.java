package dev.ormlens.bench;

import dev.ormlens.core.model.FileFacts;
import dev.ormlens.python.PythonFrontEnd;
import dev.ormlens.python.PythonModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A workspace written by {@code bench/generate.py} (mixed style, three noise modules per model),
 * generated once per size under {@code ormlens.bench.dir} (default: the system temp directory).
 */
record GeneratedWorkspace(Path root, Map<String, String> texts) {
  static GeneratedWorkspace of(int models) {
    Path repo = Path.of(System.getProperty("ormlens.repo", "."));
    Path dir =
        Path.of(System.getProperty("ormlens.bench.dir", System.getProperty("java.io.tmpdir")))
            .resolve("ormlens-bench-m" + models);
    try {
      if (!Files.exists(dir.resolve("case.json"))) {
        Process p =
            new ProcessBuilder(
                    "python3",
                    repo.resolve("bench/generate.py").toString(),
                    "--out",
                    dir.toString(),
                    "--models",
                    String.valueOf(models),
                    "--style",
                    "mixed",
                    "--seed",
                    "1",
                    "--noise-modules",
                    String.valueOf(models * 3))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("bench/generate.py failed (set -Dormlens.repo)");
        }
      }
      Map<String, String> texts = new LinkedHashMap<>();
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
          texts.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
        }
      }
      return new GeneratedWorkspace(dir, texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  List<FileFacts> facts() {
    List<FileFacts> out = new ArrayList<>();
    texts.forEach((path, text) -> out.add(extract(path, text)));
    return out;
  }

  static FileFacts extract(String path, String text) {
    return PythonFrontEnd.extractForIndex(path, PythonModules.moduleName(path), text);
  }

  /** The path of the model module most other modules import: where the benchmark edits. */
  String busiestModelModule() {
    Map<String, Integer> importers = new LinkedHashMap<>();
    for (String text : texts.values()) {
      for (String line : text.split("\n")) {
        if (line.startsWith("from pkg.m") || line.startsWith("from .m")) {
          String module = line.split(" ")[1].replace("pkg.", "").replace(".", "");
          importers.merge(module, 1, Integer::sum);
        }
      }
    }
    String best =
        importers.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return "pkg/" + best + ".py";
  }
}
