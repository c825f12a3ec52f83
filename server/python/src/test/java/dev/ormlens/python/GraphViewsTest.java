package dev.ormlens.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.Analysis;
import dev.ormlens.core.analysis.AnalysisSettings;
import dev.ormlens.core.analysis.Diagnostic;
import dev.ormlens.core.analysis.graph.EntityGraph;
import dev.ormlens.core.analysis.graph.ImportGraphView;
import dev.ormlens.testkit.Fixture;
import dev.ormlens.testkit.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The façade's graphs and whole-workspace behaviour that a single-entry fixture cannot show. */
class GraphViewsTest {
  private static final String ARTICLE =
      """
      #- shop/__init__.py
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass
      #- shop/parent.py
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base
      from .child import Child
      from .association import Association

      class Parent(Base):
          __tablename__ = "left_table"
          id: Mapped[int] = mapped_column(primary_key=True)
          children: Mapped[list["Child"]] = relationship(
              secondary="association_table", back_populates="parents"
          )
          child_associations: Mapped[list["Association"]] = relationship(back_populates="parent")
      #- shop/child.py
      from typing import TYPE_CHECKING
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base
      from .association import Association
      if TYPE_CHECKING:
          from .parent import Parent

      class Child(Base):
          __tablename__ = "right_table"
          id: Mapped[int] = mapped_column(primary_key=True)
          parents: Mapped[list["Parent"]] = relationship(
              secondary="association_table", back_populates="children"
          )
      #- shop/association.py
      from sqlalchemy import ForeignKey
      from sqlalchemy.orm import Mapped, mapped_column, relationship
      from .base import Base
      from .child import Child
      from .parent import Parent

      class Association(Base):
          __tablename__ = "association_table"
          left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
          right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
          child: Mapped["Child"] = relationship()
          parent: Mapped["Parent"] = relationship(back_populates="child_associations")
      """;

  private static Analysis analyse(AnalysisSettings settings) {
    return Workspace.analyse(
        (path, text) -> PythonFrontEnd.extract(path, PythonModules.moduleName(path), text),
        Fixture.parse(ARTICLE),
        settings);
  }

  @Test
  void relationshipDirectionsFollowForeignKeysAndSecondary() {
    EntityGraph graph = analyse(AnalysisSettings.DEFAULTS).entityGraph(null);
    assertEquals(
        """
        Association.child -> Child MANYTOONE
        Association.parent -> Parent MANYTOONE
        Child.parents -> Parent MANYTOMANY association_table
        Parent.child_associations -> Association ONETOMANY
        Parent.children -> Child MANYTOMANY association_table""",
        graph.relationships().stream()
            .map(
                r ->
                    simple(r.from())
                        + "."
                        + r.attribute()
                        + " -> "
                        + simple(r.to())
                        + " "
                        + r.direction()
                        + (r.secondary() == null ? "" : " " + r.secondary()))
            .sorted()
            .collect(Collectors.joining("\n")));
    assertEquals(
        "[left_id PK FK left_table.id, right_id PK FK right_table.id]",
        graph.entities().stream()
            .filter(e -> e.name().equals("Association"))
            .findFirst()
            .orElseThrow()
            .columns()
            .stream()
            .map(
                c ->
                    c.name()
                        + (c.primaryKey() ? " PK" : "")
                        + (c.foreignKey() == null ? "" : " FK " + c.foreignKey()))
            .toList()
            .toString());
  }

  @Test
  void fileNeighbourhoodIsItsClassesAndOneRelationshipAway() {
    EntityGraph graph = analyse(AnalysisSettings.DEFAULTS).entityGraph("shop/child.py");
    assertEquals(
        "[Association, Child, Parent]",
        graph.entities().stream().map(EntityGraph.Entity::name).toList().toString());
    assertEquals(
        "[Association.child, Child.parents, Parent.children]",
        graph.relationships().stream()
            .map(r -> simple(r.from()) + "." + r.attribute())
            .sorted()
            .toList()
            .toString());
  }

  @Test
  void importGraphMarksTheRuntimeCycle() {
    ImportGraphView view = analyse(AnalysisSettings.DEFAULTS).importGraph(null);
    assertEquals(
        "[shop.association, shop.base, shop.child, shop.parent]",
        view.modules().stream().map(ImportGraphView.Module::name).toList().toString());
    assertEquals("[[shop.association, shop.child, shop.parent]]", view.cycles().toString());
    assertEquals(
        List.of(new ImportGraphView.Edge("shop.child", "shop.parent", "typeChecking")),
        view.edges().stream().filter(e -> e.kind().equals("typeChecking")).toList());
  }

  /**
   * Without entry modules, each model module may be the first import: every failing one is named.
   */
  @Test
  void withoutEntryModulesEveryFailingFirstImportIsNamed() {
    List<String> found = new ArrayList<>();
    Analysis analysis = analyse(AnalysisSettings.DEFAULTS);
    for (String path : List.of("shop/parent.py", "shop/child.py", "shop/association.py")) {
      for (Diagnostic d : analysis.diagnostics(path)) {
        if (d.code().equals("ORM201")) {
          int line = analysis.index().file(path).orElseThrow().lines().lineOf(d.range().start());
          String when = d.message().replaceAll(".*(if the application imports .*? first).*", "$1");
          found.add(path + ":" + (line + 1) + " " + when);
        }
      }
    }
    assertEquals(
        """
        shop/child.py:4 if the application imports shop.child or shop.parent first
        shop/child.py:4 if the application imports shop.association first
        shop/association.py:4 if the application imports shop.association first
        shop/association.py:4 if the application imports shop.child or shop.parent first""",
        String.join("\n", found));
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
