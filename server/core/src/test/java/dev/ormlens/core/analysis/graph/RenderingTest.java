package dev.ormlens.core.analysis.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ormlens.core.analysis.graph.EntityGraph.Column;
import dev.ormlens.core.analysis.graph.EntityGraph.Direction;
import dev.ormlens.core.analysis.graph.EntityGraph.Entity;
import dev.ormlens.core.analysis.graph.EntityGraph.Relationship;
import dev.ormlens.core.analysis.graph.ImportGraphView.Edge;
import dev.ormlens.core.analysis.graph.ImportGraphView.Module;
import dev.ormlens.core.text.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderingTest {
  private static final EntityGraph ENTITIES =
      new EntityGraph(
          List.of(
              new Entity(
                  "Child",
                  "shop.child.Child",
                  "child",
                  "shop/child.py",
                  TextRange.EMPTY,
                  List.of(
                      new Column("id", "int", true, null),
                      new Column("parent_id", "Optional[int]", false, "parent.id"))),
              new Entity(
                  "Parent",
                  "shop.parent.Parent",
                  "parent",
                  "shop/parent.py",
                  TextRange.EMPTY,
                  List.of(new Column("id", "int", true, null)))),
          List.of(
              new Relationship(
                  "shop.parent.Parent",
                  "shop.child.Child",
                  "children",
                  Direction.ONETOMANY,
                  null,
                  "parent"),
              new Relationship(
                  "shop.child.Child",
                  "shop.parent.Parent",
                  "parent",
                  Direction.MANYTOONE,
                  null,
                  "children")));

  private static final ImportGraphView IMPORTS =
      new ImportGraphView(
          List.of(
              new Module("shop", "shop/__init__.py"),
              new Module("shop.child", "shop/child.py"),
              new Module("shop.parent", "shop/parent.py")),
          List.of(
              new Edge("shop", "shop.parent", "implicit"),
              new Edge("shop.child", "shop.parent", "module"),
              new Edge("shop.parent", "shop.child", "module"),
              new Edge("shop.parent", "shop.child", "typeChecking")),
          List.of(List.of("shop.child", "shop.parent")));

  @Test
  void entitiesAsMermaid() {
    assertEquals(
        """
        erDiagram
            Child["Child (child)"] {
                int id PK
                Optional_int parent_id FK "parent.id"
            }
            Parent["Parent (parent)"] {
                int id PK
            }
            Parent ||--o{ Child : "children"
            Child }o--|| Parent : "parent"
        """,
        Mermaid.entities(ENTITIES));
  }

  @Test
  void entitiesAsDot() {
    assertEquals(
        """
        digraph entities {
          rankdir=LR;
          node [shape=record, fontname="Helvetica"];
          "Child" [label="{Child (child)|id: int PK\\lparent_id: Optional[int] FK parent.id\\l}"];
          "Parent" [label="{Parent (parent)|id: int PK\\l}"];
          "Parent" -> "Child" [label="children", dir=both, arrowhead=crow, arrowtail=none];
          "Child" -> "Parent" [label="parent", dir=both, arrowhead=normal, arrowtail=crow];
        }
        """,
        Dot.entities(ENTITIES));
  }

  @Test
  void importsAsMermaidWithCycleInRed() {
    assertEquals(
        """
        flowchart LR
            shop["shop"]
            shop_child["shop.child"]
            shop_parent["shop.parent"]
            shop -->|implicit| shop_parent
            shop_child --> shop_parent
            shop_parent --> shop_child
            shop_parent -.->|TYPE_CHECKING| shop_child
            classDef cycle fill:#fdd,stroke:#c00,stroke-width:2px
            class shop_child,shop_parent cycle
            linkStyle 1,2 stroke:#c00,stroke-width:2px
        """,
        Mermaid.imports(IMPORTS));
  }

  @Test
  void importsAsDotWithCycleInRed() {
    assertEquals(
        """
        digraph imports {
          rankdir=LR;
          node [shape=box, fontname="Helvetica"];
          "shop";
          "shop.child" [color=red, fontcolor=red];
          "shop.parent" [color=red, fontcolor=red];
          "shop" -> "shop.parent" [label="implicit"];
          "shop.child" -> "shop.parent" [color=red, penwidth=2];
          "shop.parent" -> "shop.child" [color=red, penwidth=2];
          "shop.parent" -> "shop.child" [style=dashed, label="TYPE_CHECKING"];
        }
        """,
        Dot.imports(IMPORTS));
  }
}
