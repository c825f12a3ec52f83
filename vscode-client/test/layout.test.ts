import { test } from "node:test";
import assert from "node:assert/strict";
import { layeredLayout, type LayoutNode, type PlacedNode } from "../src/logic/layout";

const box = (id: string, width = 100, height = 40): LayoutNode => ({ id, width, height });

function overlaps(a: PlacedNode, b: PlacedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertNoOverlap(nodes: Iterable<PlacedNode>): void {
  const list = [...nodes];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      assert.ok(!overlaps(list[i], list[j]), `${list[i].id} overlaps ${list[j].id}`);
    }
  }
}

test("a chain goes down one layer per edge", () => {
  const layout = layeredLayout([box("a"), box("b"), box("c")], [
    { from: "a", to: "b" },
    { from: "b", to: "c" },
  ]);
  assert.deepEqual([...layout.nodes.values()].map((n) => `${n.id}:${n.layer}`), ["a:0", "b:1", "c:2"]);
  assert.ok(layout.nodes.get("a")!.y < layout.nodes.get("b")!.y);
  assert.ok(layout.nodes.get("b")!.y < layout.nodes.get("c")!.y);
});

test("the longest path decides the layer", () => {
  const layout = layeredLayout([box("a"), box("b"), box("c")], [
    { from: "a", to: "c" },
    { from: "a", to: "b" },
    { from: "b", to: "c" },
  ]);
  assert.equal(layout.nodes.get("c")!.layer, 2);
});

test("cycles, self-loops, duplicates and unknown ends do not break it", () => {
  const layout = layeredLayout([box("a"), box("b"), box("c"), box("a")], [
    { from: "a", to: "b" },
    { from: "b", to: "c" },
    { from: "c", to: "a" },
    { from: "a", to: "a" },
    { from: "a", to: "b" },
    { from: "a", to: "ghost" },
  ]);
  assert.equal(layout.nodes.size, 3);
  assertNoOverlap(layout.nodes.values());
  assert.deepEqual(new Set([...layout.nodes.values()].map((n) => n.layer)), new Set([0, 1, 2]));
});

test("crossings are reduced: children line up under their parents", () => {
  // p1 -> c1 and p2 -> c2, but the children are listed in the crossing order.
  const layout = layeredLayout([box("p1"), box("p2"), box("c2"), box("c1")], [
    { from: "p1", to: "c1" },
    { from: "p2", to: "c2" },
  ]);
  const x = (id: string) => layout.nodes.get(id)!.x;
  assert.ok(x("p1") < x("p2"));
  assert.ok(x("c1") < x("c2"));
});

test("wide layers wrap onto several rows and nothing overlaps", () => {
  const nodes = Array.from({ length: 30 }, (_, i) => box(`n${i}`, 150, 60));
  const layout = layeredLayout(nodes, [], { maxRowWidth: 800 });
  const rows = new Set([...layout.nodes.values()].map((n) => n.row));
  assert.ok(rows.size >= 6, `expected at least 6 rows, got ${rows.size}`);
  assert.ok(layout.width <= 800 + 2 * 24);
  assertNoOverlap(layout.nodes.values());
});

test("the same input gives the same layout", () => {
  const nodes = Array.from({ length: 12 }, (_, i) => box(`m${i}`, 80 + i * 3));
  const edges = Array.from({ length: 20 }, (_, i) => ({ from: `m${(i * 7) % 12}`, to: `m${(i * 5 + 1) % 12}` }));
  assert.deepEqual([...layeredLayout(nodes, edges).nodes.entries()], [...layeredLayout(nodes, edges).nodes.entries()]);
});

test("a deep import chain does not overflow the stack", () => {
  const nodes = Array.from({ length: 5000 }, (_, i) => box(`m${i}`, 40, 20));
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
  const layout = layeredLayout(nodes, edges, { sweeps: 1 });
  assert.equal(layout.nodes.get("m4999")!.layer, 4999);
});

test("an empty graph is an empty picture", () => {
  const layout = layeredLayout([], []);
  assert.equal(layout.nodes.size, 0);
  assert.ok(layout.width >= 0 && layout.height >= 0);
});
