/** The example graphs the spec's `ormlens/graph` and `ormlens/importGraph` responses describe. */
import type { GraphResponse } from "../src/logic/erDiagram";
import type { ImportGraphResponse } from "../src/logic/importGraph";

export const SHOP_GRAPH: GraphResponse = {
  entities: [
    {
      name: "Parent",
      qualifiedName: "shop.parent.Parent",
      table: "left_table",
      uri: "file:///ws/shop/parent.py",
      line: 5,
      character: 6,
      columns: [
        { name: "id", type: "int", primaryKey: true, foreignKey: null },
        { name: "name", type: "str", primaryKey: false, foreignKey: null },
      ],
    },
    {
      name: "Child",
      qualifiedName: "shop.child.Child",
      table: "right_table",
      uri: "file:///ws/shop/child.py",
      line: 7,
      character: 6,
      columns: [
        { name: "id", type: "int", primaryKey: true, foreignKey: null },
        { name: "parent_id", type: "int", primaryKey: false, foreignKey: "left_table.id" },
      ],
    },
    {
      name: "Tag",
      qualifiedName: "shop.tag.Tag",
      table: "tag",
      uri: "file:///ws/shop/tag.py",
      line: 3,
      character: 6,
      columns: [{ name: "id", type: "int", primaryKey: true, foreignKey: null }],
    },
  ],
  relationships: [
    { from: "shop.parent.Parent", to: "shop.child.Child", attribute: "children", direction: "ONETOMANY", secondary: null, backPopulates: "parent" },
    { from: "shop.child.Child", to: "shop.parent.Parent", attribute: "parent", direction: "MANYTOONE", secondary: null, backPopulates: "children" },
    { from: "shop.child.Child", to: "shop.tag.Tag", attribute: "tags", direction: "MANYTOMANY", secondary: "association_table", backPopulates: null },
  ],
};

export const SHOP_IMPORTS: ImportGraphResponse = {
  modules: [
    { name: "shop", uri: "file:///ws/shop/__init__.py" },
    { name: "shop.parent", uri: "file:///ws/shop/parent.py" },
    { name: "shop.child", uri: "file:///ws/shop/child.py" },
    { name: "shop.tag", uri: "file:///ws/shop/tag.py" },
  ],
  edges: [
    { from: "shop", to: "shop.parent", kind: "implicit" },
    { from: "shop.parent", to: "shop.child", kind: "module" },
    { from: "shop.child", to: "shop.parent", kind: "module" },
    { from: "shop.child", to: "shop.tag", kind: "typeChecking" },
    { from: "shop.tag", to: "sqlalchemy.orm", kind: "function" },
  ],
  cycles: [["shop.parent", "shop.child"]],
};
