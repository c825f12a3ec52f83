/**
 * A small layered ("Sugiyama-style") graph layout: cycles broken by a
 * depth-first search, layers by longest path, crossings reduced by barycentre
 * sweeps, wide layers wrapped into several rows. Deterministic: the same input
 * gives the same picture. Plain data, no DOM, no `vscode`.
 */

export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

export interface PlacedNode extends LayoutNode {
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly layer: number;
  /** The visual row (a wide layer spans several rows). */
  readonly row: number;
}

export interface Layout {
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  readonly width: number;
  readonly height: number;
}

export interface LayoutOptions {
  readonly gapX?: number;
  readonly gapY?: number;
  readonly margin?: number;
  /** Layers wider than this are wrapped onto several rows. */
  readonly maxRowWidth?: number;
  readonly sweeps?: number;
}

export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): Layout {
  const gapX = options.gapX ?? 48;
  const gapY = options.gapY ?? 72;
  const margin = options.margin ?? 24;
  const maxRowWidth = options.maxRowWidth ?? 1400;
  const sweeps = options.sweeps ?? 6;

  const byId = new Map<string, LayoutNode>();
  for (const node of nodes) {
    if (!byId.has(node.id)) {
      byId.set(node.id, node);
    }
  }
  const ids = [...byId.keys()];
  const acyclic = breakCycles(ids, edges.filter((e) => e.from !== e.to && byId.has(e.from) && byId.has(e.to)));
  const layerOf = longestPathLayers(ids, acyclic);

  const layerCount = ids.length === 0 ? 0 : Math.max(...ids.map((id) => layerOf.get(id)!)) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of ids) {
    layers[layerOf.get(id)!].push(id);
  }
  orderLayers(layers, acyclic, sweeps);

  // Wrap wide layers into rows.
  const rows: { ids: string[]; layer: number }[] = [];
  layers.forEach((layer, layerIndex) => {
    let row: string[] = [];
    let width = 0;
    for (const id of layer) {
      const w = byId.get(id)!.width;
      if (row.length > 0 && width + gapX + w > maxRowWidth) {
        rows.push({ ids: row, layer: layerIndex });
        row = [];
        width = 0;
      }
      width += (row.length > 0 ? gapX : 0) + w;
      row.push(id);
    }
    if (row.length > 0) {
      rows.push({ ids: row, layer: layerIndex });
    }
  });

  const rowWidth = (row: string[]) =>
    row.reduce((sum, id) => sum + byId.get(id)!.width, 0) + gapX * Math.max(0, row.length - 1);
  const contentWidth = rows.length === 0 ? 0 : Math.max(...rows.map((r) => rowWidth(r.ids)));
  const placed = new Map<string, PlacedNode>();
  let y = margin;
  rows.forEach((row, rowIndex) => {
    let x = margin + (contentWidth - rowWidth(row.ids)) / 2;
    const height = Math.max(...row.ids.map((id) => byId.get(id)!.height));
    for (const id of row.ids) {
      const node = byId.get(id)!;
      placed.set(id, { ...node, x, y, layer: row.layer, row: rowIndex });
      x += node.width + gapX;
    }
    y += height + gapY;
  });
  const height = rows.length === 0 ? 2 * margin : y - gapY + margin;
  return { nodes: placed, width: contentWidth + 2 * margin, height };
}

/** Reverses the edges that close a cycle, found by depth-first search in input order. */
function breakCycles(ids: readonly string[], edges: readonly LayoutEdge[]): LayoutEdge[] {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    out.set(id, []);
  }
  for (const e of edges) {
    out.get(e.from)!.push(e.to);
  }
  const state = new Map<string, "visiting" | "done">();
  const backEdges = new Set<string>();
  for (const root of ids) {
    if (state.has(root)) {
      continue;
    }
    // Iterative DFS so deep import chains cannot overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, "visiting");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const targets = out.get(top.id)!;
      if (top.next < targets.length) {
        const target = targets[top.next++];
        const s = state.get(target);
        if (s === "visiting") {
          backEdges.add(`${top.id}\u0000${target}`);
        } else if (s === undefined) {
          state.set(target, "visiting");
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(top.id, "done");
        stack.pop();
      }
    }
  }
  const seen = new Set<string>();
  const result: LayoutEdge[] = [];
  for (const e of edges) {
    const reversed = backEdges.has(`${e.from}\u0000${e.to}`);
    const edge = reversed ? { from: e.to, to: e.from } : { from: e.from, to: e.to };
    const key = `${edge.from}\u0000${edge.to}`;
    if (edge.from !== edge.to && !seen.has(key)) {
      seen.add(key);
      result.push(edge);
    }
  }
  return result;
}

function longestPathLayers(ids: readonly string[], edges: readonly LayoutEdge[]): Map<string, number> {
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    out.get(e.from)!.push(e.to);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const target of out.get(id)!) {
      layer.set(target, Math.max(layer.get(target)!, layer.get(id)! + 1));
      indegree.set(target, indegree.get(target)! - 1);
      if (indegree.get(target) === 0) {
        queue.push(target);
      }
    }
  }
  return layer;
}

/** Barycentre sweeps, alternating down and up; each node moves towards the mean position of its neighbours. */
function orderLayers(layers: string[][], edges: readonly LayoutEdge[], sweeps: number): void {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    if (!neighbours.has(a)) {
      neighbours.set(a, []);
    }
    neighbours.get(a)!.push(b);
  };
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const layerOf = new Map<string, number>();
  layers.forEach((layer, i) => layer.forEach((id) => layerOf.set(id, i)));
  const position = new Map<string, number>();
  const recordPositions = () =>
    layers.forEach((layer) => layer.forEach((id, i) => position.set(id, (i + 0.5) / layer.length)));
  recordPositions();
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.map((_, i) => i) : layers.map((_, i) => layers.length - 1 - i);
    for (const i of order) {
      const layer = layers[i];
      const keys = new Map<string, number>();
      for (const id of layer) {
        const fixed = (neighbours.get(id) ?? []).filter((n) => (down ? layerOf.get(n)! < i : layerOf.get(n)! > i));
        keys.set(
          id,
          fixed.length > 0 ? fixed.reduce((sum, n) => sum + position.get(n)!, 0) / fixed.length : position.get(id)!,
        );
      }
      // A stable sort keeps input order among equals, so the result is deterministic.
      layer.sort((a, b) => keys.get(a)! - keys.get(b)!);
      layer.forEach((id, k) => position.set(id, (k + 0.5) / layer.length));
    }
  }
}
