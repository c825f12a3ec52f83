package dev.ormlens.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import dev.ormlens.workspace.cache.IndexCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading through the index cache gives what a fresh load gives, and notices every change. */
class WorkspaceScanTest {
  private static final int MODULES = WorkspaceScan.MIN_FILES_FOR_CACHE + 20;

  private static void write(Path root) throws IOException {
    Files.createDirectories(root.resolve("shop"));
    Files.writeString(
        root.resolve("shop/base.py"),
        "from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n");
    Files.writeString(
        root.resolve("shop/parent.py"),
        """
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children = relationship("Child")
        """);
    for (int i = 0; i < MODULES; i++) {
      Files.writeString(
          root.resolve("shop/util" + i + ".py"),
          "from .parent import Parent\n\ndef make():\n    return Parent()\n");
    }
  }

  private static WorkspaceIndex load(Path root) {
    List<String> notes = new ArrayList<>();
    return Loader.load(Discovery.find(root, notes), notes);
  }

  private static String diagnostics(WorkspaceIndex index) {
    return new java.util.TreeMap<>(new Analysis(index, AnalysisSettings.DEFAULTS).allDiagnostics())
        .toString();
  }

  @Test
  void aWarmLoadEqualsAColdOneAndSeesChanges(@TempDir Path root) throws IOException {
    write(root);
    WorkspaceIndex cold = load(root);
    Path cacheFile = root.resolve(IndexCache.DEFAULT_DIRECTORY).resolve("index.bin");
    assertTrue(Files.exists(cacheFile), "the cache is written");
    String coldDiagnostics = diagnostics(cold);
    assertTrue(coldDiagnostics.contains("ORM101"), coldDiagnostics);

    WorkspaceIndex warm = load(root);
    assertEquals(cold.size(), warm.size());
    assertEquals(coldDiagnostics, diagnostics(warm));

    // A new file, an edited one (new timestamp) and a deleted one are all seen.
    Path child = root.resolve("shop/child.py");
    Files.writeString(
        child,
        """
        from sqlalchemy.orm import Mapped, mapped_column
        from .base import Base

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
        """);
    WorkspaceIndex added = load(root);
    assertFalse(diagnostics(added).contains("ORM101"), "Child now exists");

    Path util = root.resolve("shop/util0.py");
    Files.writeString(util, "from .parent import Parent as P\n");
    Files.setLastModifiedTime(util, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    FileFacts edited = load(root).file("shop/util0.py").orElseThrow();
    assertEquals("P", edited.definitions().get(0).name());

    Files.delete(child);
    assertTrue(diagnostics(load(root)).contains("ORM101"), "Child is gone again");
  }

  @Test
  void aDamagedCacheIsRebuilt(@TempDir Path root) throws IOException {
    write(root);
    String expected = diagnostics(load(root));
    Path cacheFile = root.resolve(IndexCache.DEFAULT_DIRECTORY).resolve("index.bin");
    byte[] bytes = Files.readAllBytes(cacheFile);
    bytes[bytes.length / 2] ^= 0x7f;
    Files.write(cacheFile, bytes);
    assertEquals(expected, diagnostics(load(root)));
    assertEquals(expected, diagnostics(load(root)));
  }

  @Test
  void chunksCoverEveryFileOnce(@TempDir Path root) throws IOException {
    write(root);
    List<String> notes = new ArrayList<>();
    List<SourceFile> files = Discovery.find(root, notes);
    List<FileFacts> seen = new ArrayList<>();
    List<Integer> done = new ArrayList<>();
    Loader.load(
        root,
        files,
        notes,
        50,
        (chunk, count) -> {
          seen.addAll(chunk);
          done.add(count);
        });
    assertEquals(files.size(), seen.size());
    assertEquals(files.size(), done.get(done.size() - 1));
    assertEquals(
        files.size(), seen.stream().map(FileFacts::path).distinct().count(), "no duplicates");
  }

  @Test
  void smallWorkspacesAndForeignKeysGetNoCache(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("a.py"), "x = 1\n");
    List<String> notes = new ArrayList<>();
    List<SourceFile> files = Discovery.find(root, notes);
    assertEquals(Optional.empty(), WorkspaceScan.cacheFor(files));
    List<SourceFile> many = new ArrayList<>();
    for (int i = 0; i < MODULES; i++) {
      Path abs = root.resolve("m" + i + ".py");
      many.add(new SourceFile(abs, abs.toUri().toString(), "m" + i));
    }
    assertEquals(Optional.empty(), WorkspaceScan.cacheFor(many), "keys that are URIs");
  }
}
