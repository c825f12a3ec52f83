import { test } from "node:test";
import assert from "node:assert/strict";
import { cycleEdges, renderImportGraph } from "../src/logic/importGraph";
import { SHOP_IMPORTS } from "./fixtures";

test("cycle edges are the consecutive modules of each cycle, wrapping around", () => {
  assert.deepEqual([...cycleEdges([["a", "b", "c"]])], ["a\u0000b", "b\u0000c", "c\u0000a"]);
});

test("modules and edges of a cycle are marked", () => {
  const svg = renderImportGraph(SHOP_IMPORTS);
  assert.match(svg, /<g class="module cycle" tabindex="0" role="button" data-uri="file:\/\/\/ws\/shop\/parent\.py"/);
  assert.match(svg, /<g class="module cycle" tabindex="0" role="button" data-uri="file:\/\/\/ws\/shop\/child\.py"/);
  assert.match(svg, /<g class="module" tabindex="0" role="button" data-uri="file:\/\/\/ws\/shop\/tag\.py"/);
  assert.equal((svg.match(/class="edge module cycle" marker-end/g) ?? []).length, 2);
  assert.match(svg, /class="edge typeChecking" marker-end="url\(#arrow\)"/);
  assert.match(svg, /shop\.child → shop\.parent: import at module level \(in an import cycle\)/);
  assert.match(svg, />1 import cycle</);
});

test("modules known only from edges are drawn, not clickable", () => {
  const svg = renderImportGraph(SHOP_IMPORTS);
  assert.match(svg, /<g class="module external" data-name="sqlalchemy\.orm">/);
});

test("no modules, no picture", () => {
  assert.match(renderImportGraph({ modules: [], edges: [], cycles: [] }), /No Python modules found\./);
});
