package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.imports.ImportEdge;
import dev.ormlens.core.analysis.imports.ImportGraph;
import dev.ormlens.core.index.WorkspaceIndex;
import dev.ormlens.core.model.FileFacts;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The import graph: edge kinds, implicit imports Python adds, and incremental updates. */
class ImportGraphTest {
  private static FileFacts facts(String path, String text) {
    return PythonFrontEnd.extract(path, PythonModules.moduleName(path), text);
  }

  private static final List<FileFacts> SHOP =
      List.of(
          facts("shop/__init__.py", "from . import parent\n"),
          facts("shop/base.py", "from sqlalchemy.orm import DeclarativeBase\n"),
          facts(
              "shop/parent.py",
              """
              from typing import TYPE_CHECKING
              import shop.base as base
              from shop.models import child
              if TYPE_CHECKING:
                  from .other import Other
              try:
                  from .extra import Extra
              except ImportError:
                  Extra = None

              def resolve_other():
                  from .other import Other
                  return Other

              class Parent:
                  from .base import DeclarativeBase
              """),
          facts("shop/models/__init__.py", ""),
          facts("shop/models/child.py", "import shop.parent\n"),
          facts("shop/other.py", ""),
          facts("shop/extra.py", ""),
          facts("outside/app.py", "from shop.models.child import x\n"));

  private static String render(ImportGraph graph) {
    return graph.edges().stream()
        .map(e -> e.from() + " -> " + e.to() + " " + e.kind().label())
        .sorted()
        .distinct()
        .collect(Collectors.joining("\n"));
  }

  @Test
  void edgesAreLabelledByWhenTheyRun() {
    assertEquals(
        """
        outside.app -> shop implicit
        outside.app -> shop.models implicit
        outside.app -> shop.models.child module
        shop -> shop.parent implicit
        shop.models.child -> shop.parent module
        shop.parent -> shop.base module
        shop.parent -> shop.extra conditional
        shop.parent -> shop.models module
        shop.parent -> shop.models.child implicit
        shop.parent -> shop.other function
        shop.parent -> shop.other typeChecking""",
        render(ImportGraph.of(WorkspaceIndex.of(SHOP))));
  }

  @Test
  void runtimeClosureCountsPackageInitsButNotTypeCheckingOrFunctions() {
    ImportGraph graph = ImportGraph.of(WorkspaceIndex.of(SHOP));
    assertEquals(
        "[shop, shop.base, shop.extra, shop.models, shop.models.child, shop.parent]",
        graph.runtimeClosure("shop.models.child").stream().sorted().toList().toString());
    assertEquals(
        "[shop, shop.base, shop.extra, shop.models, shop.models.child, shop.other, shop.parent]",
        graph.closureWithFunctions("shop.parent").stream().sorted().toList().toString());
    assertEquals("[[shop.models.child, shop.parent]]", graph.cycles().toString());
  }

  @Test
  void editingOneFileRecomputesOnlyItsEdges() {
    WorkspaceIndex before = WorkspaceIndex.of(SHOP);
    Analysis first = new Analysis(before, AnalysisSettings.DEFAULTS);
    ImportGraph old = first.imports().graph();

    FileFacts edited = facts("shop/models/child.py", "from shop.other import Other\n");
    // The same text read again: new facts, same content, so its edges are reused too.
    FileFacts reread = facts("shop/base.py", "from sqlalchemy.orm import DeclarativeBase\n");
    WorkspaceIndex after = before.withFiles(List.of(edited, reread));
    ImportGraph updated = first.next(after).imports().graph();

    for (FileFacts f : SHOP) {
      if (f.path().equals("shop/models/child.py")) {
        assertNotSame(old.file(f.path()), updated.file(f.path()));
      } else {
        assertSame(old.file(f.path()), updated.file(f.path()), f.path());
      }
    }
    assertEquals(
        List.of("shop.models.child -> shop.other"),
        updated.edgesFrom("shop.models.child").stream()
            .map(e -> e.from() + " -> " + e.to())
            .toList());
    assertEquals(
        new HashSet<ImportEdge>(ImportGraph.of(after).edges()),
        new HashSet<ImportEdge>(updated.edges()));
    assertEquals("[]", updated.cycles().toString());
  }
}
