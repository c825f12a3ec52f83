import { test } from "node:test";
import assert from "node:assert/strict";
import { drawnRelationships, renderErDiagram } from "../src/logic/erDiagram";
import { SHOP_GRAPH } from "./fixtures";

test("a relationship and its back_populates partner are drawn as one line, one side to many side", () => {
  assert.deepEqual(drawnRelationships(SHOP_GRAPH.relationships), [
    {
      parent: "shop.parent.Parent",
      child: "shop.child.Child",
      manyToMany: false,
      parentAttribute: "children",
      childAttribute: "parent",
      secondary: null,
    },
    {
      parent: "shop.child.Child",
      child: "shop.tag.Tag",
      manyToMany: true,
      parentAttribute: "tags",
      childAttribute: null,
      secondary: "association_table",
    },
  ]);
});

test("a lone many-to-one is oriented from the referenced class", () => {
  const [line] = drawnRelationships([
    { from: "a.Order", to: "a.Customer", attribute: "customer", direction: "MANYTOONE", secondary: null, backPopulates: null },
  ]);
  assert.equal(line.parent, "a.Customer");
  assert.equal(line.child, "a.Order");
  assert.equal(line.childAttribute, "customer");
});

test("each entity is a clickable group carrying its source position", () => {
  const svg = renderErDiagram(SHOP_GRAPH);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<g class="entity" tabindex="0" role="button" data-uri="file:\/\/\/ws\/shop\/parent\.py" data-line="5" data-character="6" data-name="shop\.parent\.Parent">/);
  assert.equal((svg.match(/<g class="entity"/g) ?? []).length, 3);
  assert.equal((svg.match(/<g class="relationship/g) ?? []).length, 2);
  assert.match(svg, />children \/ parent</);
  assert.match(svg, />via association_table</);
  assert.match(svg, /left_table/);
  assert.match(svg, /<title>parent_id → left_table\.id<\/title>/);
});

test("names from user code are escaped", () => {
  const svg = renderErDiagram({
    entities: [
      {
        name: "<script>",
        qualifiedName: 'x."q"',
        table: "a&b",
        uri: "file:///x.py?a=1&b=2",
        line: 0,
        character: 0,
        columns: [{ name: "c", type: "Mapped[list['B']]", primaryKey: false, foreignKey: null }],
      },
    ],
    relationships: [],
  });
  assert.ok(!svg.includes("<script>"));
  assert.match(svg, /&lt;script&gt;/);
  assert.match(svg, /data-uri="file:\/\/\/x\.py\?a=1&amp;b=2"/);
  assert.match(svg, /Mapped\[list\[&#39;B&#39;\]\]/);
});

test("relationships to classes outside the graph are left out, self references loop", () => {
  const svg = renderErDiagram({
    entities: [SHOP_GRAPH.entities[0]],
    relationships: [
      { from: "shop.parent.Parent", to: "elsewhere.X", attribute: "x", direction: "ONETOMANY", secondary: null, backPopulates: null },
      { from: "shop.parent.Parent", to: "shop.parent.Parent", attribute: "kids", direction: "ONETOMANY", secondary: null, backPopulates: null },
    ],
  });
  assert.equal((svg.match(/<g class="relationship/g) ?? []).length, 1);
});

test("an empty workspace says so", () => {
  assert.match(renderErDiagram({ entities: [], relationships: [] }), /No mapped classes found\./);
});
