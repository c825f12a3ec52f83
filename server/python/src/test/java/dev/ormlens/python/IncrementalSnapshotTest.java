package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.Location;
import dev.ormlens.core.index.OrmModel;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot derived by edits (reusing resolutions, class kinds and per-file results of the one
 * before) answers exactly as a snapshot built from scratch, over random edits to a generated
 * workspace: the model, every file's diagnostics, and navigation.
 */
class IncrementalSnapshotTest {
  @Test
  void editedSnapshotsAnswerLikeFreshOnes(@TempDir Path dir)
      throws IOException, InterruptedException {
    Map<String, String> texts = generated(dir, "mixed", 24);
    Assumptions.assumeTrue(texts != null, "no bench/generate.py");
    WorkspaceIndex index = WorkspaceIndex.of(facts(texts));
    Analysis analysis = new Analysis(index, AnalysisSettings.DEFAULTS);
    analysis.allDiagnostics();
    List<String> paths = new ArrayList<>(new TreeSet<>(texts.keySet()));
    Random random = new Random(8);
    int changedDiagnostics = 0;
    Map<String, List<Diagnostic>> before = analysis.allDiagnostics();
    for (int step = 0; step < 60; step++) {
      String path = paths.get(random.nextInt(paths.size()));
      String text = edit(texts.get(path), random);
      texts.put(path, text);
      FileFacts facts = PythonFrontEnd.extract(path, PythonModules.moduleName(path), text);
      index = index.withFile(facts);
      analysis = analysis.next(index, Set.of(path));
      if (random.nextBoolean()) {
        analysis.diagnostics(path); // Sometimes only the edited file is asked, like an editor.
        continue;
      }
      WorkspaceIndex fresh = WorkspaceIndex.of(index.files());
      Analysis freshAnalysis = new Analysis(fresh, AnalysisSettings.DEFAULTS);
      assertEquals(describe(fresh.model()), describe(index.model()), "model after step " + step);
      Map<String, List<Diagnostic>> now = analysis.allDiagnostics();
      assertEquals(
          new TreeMap<>(freshAnalysis.allDiagnostics()), new TreeMap<>(now), "step " + step);
      for (String p : paths) {
        String t = texts.get(p);
        int offset = t.indexOf('"', t.indexOf("relationship(") + 1) + 2;
        if (offset > 1) {
          List<Location> a = analysis.definitionAt(p, offset);
          assertEquals(freshAnalysis.definitionAt(p, offset), a, p + " at " + offset);
        }
      }
      changedDiagnostics += now.equals(before) ? 0 : 1;
      before = now;
    }
    assertTrue(changedDiagnostics > 3, "the edits changed diagnostics " + changedDiagnostics);
  }

  /**
   * Edits that keep every file's imports and bindings in place (a comment above them, a typo in a
   * string) reuse the previous snapshot's import replays, with positions moved: the circular import
   * is still reported, on the lines where its statements now are, exactly as a fresh analysis does.
   */
  @Test
  void shapeKeepingEditsMoveACircularImportWithTheText() {
    Map<String, String> texts = new TreeMap<>();
    texts.put("shop/__init__.py", "from shop.a import A\nfrom shop.b import B\n");
    texts.put(
        "shop/base.py",
        "from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n");
    texts.put(
        "shop/a.py",
        """
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop.base import Base
        from shop.b import B

        class A(Base):
            __tablename__ = "a"
            id: Mapped[int] = mapped_column(primary_key=True)
            bs: Mapped[list[B]] = relationship(back_populates="a")
        """);
    texts.put(
        "shop/b.py",
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop.base import Base
        from shop.a import A

        class B(Base):
            __tablename__ = "b"
            id: Mapped[int] = mapped_column(primary_key=True)
            a_id: Mapped[int] = mapped_column(ForeignKey("a.id"))
            a: Mapped[A] = relationship(back_populates="bs")
        """);
    String comment = "# 日本語のコメント 🐍 moves every line\n";
    assertEditsAnswerLikeFreshAnalyses(
        texts,
        "ORM201",
        List.of(
            Edit.prepend("shop/a.py", comment),
            Edit.replace("shop/b.py", "back_populates=\"", "back_populates=\"x"),
            Edit.prepend("shop/a.py", comment),
            Edit.prepend("shop/__init__.py", comment),
            Edit.replace("shop/b.py", "back_populates=\"x", "back_populates=\"xx")));
  }

  /**
   * The overlap check (ORM301) reuses the columns each carried relationship writes: over edits to
   * one file of the article's model, split one class per file, the warnings stay exactly those of a
   * fresh analysis, including when {@code overlaps=} silences one and a typo breaks another.
   */
  @Test
  void overlapWarningsFollowEditsLikeAFreshAnalysis() {
    Map<String, String> texts = new TreeMap<>();
    String head =
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from shop.base import Base
        """;
    texts.put("shop/__init__.py", "from shop import parent, child, association\n");
    texts.put(
        "shop/base.py",
        "from sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n");
    texts.put(
        "shop/parent.py",
        head
            + """
            class Parent(Base):
                __tablename__ = "left_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Child", secondary="association_table", back_populates="parents")
                child_associations = relationship("Association", back_populates="parent")
            """);
    texts.put(
        "shop/child.py",
        head
            + """
            class Child(Base):
                __tablename__ = "right_table"
                id: Mapped[int] = mapped_column(primary_key=True)
                parents = relationship("Parent", secondary="association_table", back_populates="children")
                parent_associations = relationship("Association", back_populates="child")
            """);
    texts.put(
        "shop/association.py",
        head
            + """
            class Association(Base):
                __tablename__ = "association_table"
                left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
                right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
                child = relationship("Child", back_populates="parent_associations")
                parent = relationship("Parent", back_populates="child_associations")
            """);
    assertEditsAnswerLikeFreshAnalyses(
        texts,
        "ORM301",
        List.of(
            Edit.prepend("shop/child.py", "# 日本語 🐍\n"),
            Edit.replace(
                "shop/association.py",
                "child_associations\")",
                "child_associations\", overlaps=\"children\")"),
            Edit.prepend("shop/parent.py", "# moved\n"),
            Edit.replace("shop/child.py", "\"Association\", back", "\"Associatio\", back"),
            Edit.replace("shop/child.py", "\"Associatio\", back", "\"Association\", back")));
  }

  /** One file's text changed: {@code change} applied to its current text. */
  private record Edit(String path, UnaryOperator<String> change) {
    static Edit prepend(String path, String text) {
      return new Edit(path, t -> text + t);
    }

    static Edit replace(String path, String old, String now) {
      return new Edit(path, t -> t.replace(old, now));
    }
  }

  /**
   * Applies the edits one by one to snapshots derived from each other, as the editor does (asking
   * for the edited file first), and after each checks every file's diagnostics against a snapshot
   * built from scratch, and that {@code code} is still reported (so the edits exercise it).
   */
  private static void assertEditsAnswerLikeFreshAnalyses(
      Map<String, String> texts, String code, List<Edit> edits) {
    WorkspaceIndex index = WorkspaceIndex.of(facts(texts));
    Analysis analysis = new Analysis(index, AnalysisSettings.DEFAULTS);
    assertTrue(count(analysis.allDiagnostics(), code) > 0, code + " before the edits");
    for (int step = 0; step < edits.size(); step++) {
      Edit e = edits.get(step);
      String text = e.change().apply(texts.get(e.path()));
      assertNotEquals(texts.get(e.path()), text, "edit " + step + " applies");
      texts.put(e.path(), text);
      index =
          index.withFile(
              PythonFrontEnd.extract(e.path(), PythonModules.moduleName(e.path()), text));
      analysis = analysis.next(index, Set.of(e.path()));
      analysis.diagnostics(e.path());
      Map<String, List<Diagnostic>> now = new TreeMap<>(analysis.allDiagnostics());
      Analysis fresh = new Analysis(WorkspaceIndex.of(index.files()), AnalysisSettings.DEFAULTS);
      assertEquals(new TreeMap<>(fresh.allDiagnostics()), now, "step " + step);
      assertTrue(count(now, code) > 0, code + " still reported after step " + step + ": " + now);
    }
  }

  private static long count(Map<String, List<Diagnostic>> diagnostics, String code) {
    return diagnostics.values().stream()
        .flatMap(List::stream)
        .filter(d -> d.code().equals(code))
        .count();
  }

  /** One random edit of the kinds people make while typing and refactoring. */
  private static String edit(String text, Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return "# a comment shifts every range\n" + text;
      case 1:
        return text.replaceFirst("relationship\\(\\s*\"(\\w+)\"", "relationship(\"$1X\"");
      case 2:
        return text.replaceFirst("back_populates=\"(\\w+)\"", "back_populates=\"$1_typo\"");
      case 3:
        return text.replaceFirst("(?m)^class (\\w+)\\(", "class $1Renamed(");
      case 4:
        return text.replaceFirst("__tablename__ = \"(\\w+)\"", "__tablename__ = \"dup\"");
      case 5:
        return text.replaceFirst("(?m)^from \\.(\\w+) import .*$", "");
      default:
        return text.replace("X\"", "\"").replace("_typo\"", "\"").replace("Renamed(", "(");
    }
  }

  private static String describe(OrmModel model) {
    StringBuilder b = new StringBuilder();
    new TreeSet<>(
            model.classes().stream()
                .map(
                    c ->
                        c.qualifiedName()
                            + " "
                            + c.registryId()
                            + " "
                            + c.tableKey()
                            + " "
                            + c.superclass()
                            + " "
                            + c.complete()
                            + " "
                            + c.attributeNames()
                            + " "
                            + c.file().path()
                            + c.fact().nameRange()
                            + " "
                            + c.relationships().stream()
                                .map(r -> r.file().path() + r.fact().callRange())
                                .toList()
                            + " "
                            + c.columns().stream()
                                .map(col -> col.file().path() + col.fact().name())
                                .toList())
                .toList())
        .forEach(s -> b.append(s).append('\n'));
    new TreeSet<>(
            model.registries().stream()
                .map(r -> r.id() + " " + r.metadataId() + " " + r.range())
                .toList())
        .forEach(s -> b.append(s).append('\n'));
    for (OrmModel.Registry r : model.registries()) {
      new TreeMap<>(model.allTables(r.metadataId()))
          .forEach(
              (key, tables) ->
                  b.append(key)
                      .append(
                          tables.stream()
                              .map(t -> t.file().path() + t.nameRange() + t.mappedClass())
                              .toList())
                      .append('\n'));
    }
    return b.toString();
  }

  private static List<FileFacts> facts(Map<String, String> texts) {
    List<FileFacts> out = new ArrayList<>();
    texts.forEach(
        (path, text) ->
            out.add(PythonFrontEnd.extractForIndex(path, PythonModules.moduleName(path), text)));
    return out;
  }

  static Map<String, String> generated(Path dir, String style, int models)
      throws IOException, InterruptedException {
    Path generator = Path.of(System.getProperty("ormlens.repo", "."), "bench", "generate.py");
    if (!Files.exists(generator)) {
      if ("required".equals(System.getProperty("ormlens.oracle"))) {
        throw new IllegalStateException("no " + generator);
      }
      return null;
    }
    Path out = dir.resolve(style);
    Process p =
        new ProcessBuilder(
                "python3",
                generator.toString(),
                "--out",
                out.toString(),
                "--models",
                String.valueOf(models),
                "--style",
                style,
                "--seed",
                "3",
                "--noise-modules",
                String.valueOf(models))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertEquals(0, p.waitFor());
    Map<String, String> texts = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(f -> f.toString().endsWith(".py")).toList()) {
        texts.put(out.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return texts;
  }
}
