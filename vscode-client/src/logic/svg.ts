/**
 * Shared pieces for drawing graphs as SVG text: escaping, text measuring by
 * estimate, and edge paths between boxes.
 */
import type { PlacedNode } from "./layout";

/** Escapes text for SVG/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An estimate of the width of text in the diagram font (no DOM to measure with). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.62);
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface EdgeGeometry {
  readonly d: string;
  readonly start: Point;
  readonly end: Point;
  /** Where a label sits. */
  readonly middle: Point;
}

/** A curved path from the border of box `a` to the border of box `b`. */
export function edgePath(a: PlacedNode, b: PlacedNode, offset = 0, endOffset = offset): EdgeGeometry {
  const ac = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const bc = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  let start: Point;
  let end: Point;
  let c1: Point;
  let c2: Point;
  if (a.row !== b.row) {
    const downwards = b.row > a.row;
    start = { x: ac.x + offset, y: downwards ? a.y + a.height : a.y };
    end = { x: bc.x + endOffset, y: downwards ? b.y : b.y + b.height };
    const bend = Math.max(30, Math.abs(end.y - start.y) / 2);
    c1 = { x: start.x, y: start.y + (downwards ? bend : -bend) };
    c2 = { x: end.x, y: end.y + (downwards ? -bend : bend) };
  } else {
    // Same row: leave and enter through the bottom with an arc under the row,
    // so the line does not cross the boxes in between.
    start = { x: ac.x + offset, y: a.y + a.height };
    end = { x: bc.x + endOffset, y: b.y + b.height };
    const depth = 24 + Math.min(60, Math.abs(bc.x - ac.x) / 8);
    c1 = { x: start.x, y: start.y + depth };
    c2 = { x: end.x, y: end.y + depth };
  }
  const middle = cubicPoint(start, c1, c2, end, 0.5);
  const d = `M${n(start.x)},${n(start.y)} C${n(c1.x)},${n(c1.y)} ${n(c2.x)},${n(c2.y)} ${n(end.x)},${n(end.y)}`;
  return { d, start, end, middle };
}

/** A point a little way along the edge from one end, for end labels such as cardinalities. */
export function nearEnd(from: Point, towards: Point, distance: number): Point {
  const dx = towards.x - from.x;
  const dy = towards.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}

function cubicPoint(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
}

/** Numbers in SVG text: at most one decimal, no "-0". */
export function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/**
 * Spreads the ends of the edges meeting one box along its side, ordered by
 * where the other end is, so they neither start from one point nor cross
 * at the box. Returns, per edge index, the horizontal offset from the box's
 * centre at each end.
 */
export function spreadPorts(
  edges: readonly { readonly from: string; readonly to: string }[],
  nodes: ReadonlyMap<string, PlacedNode>,
): { from: number; to: number }[] {
  const result = edges.map(() => ({ from: 0, to: 0 }));
  const ends = new Map<string, { edge: number; end: "from" | "to"; otherX: number }[]>();
  edges.forEach((e, i) => {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (!a || !b || e.from === e.to) {
      return;
    }
    for (const [self, other, end] of [
      [a, b, "from"],
      [b, a, "to"],
    ] as const) {
      // Ends on the top and bottom sides are spread separately.
      const side = other.row > self.row || other.row === self.row ? "bottom" : "top";
      const key = `${self.id}\u0000${side}`;
      if (!ends.has(key)) {
        ends.set(key, []);
      }
      ends.get(key)!.push({ edge: i, end, otherX: other.x + other.width / 2 });
    }
  });
  for (const [key, list] of ends) {
    const node = nodes.get(key.slice(0, key.indexOf("\u0000")))!;
    list.sort((p, q) => p.otherX - q.otherX || p.edge - q.edge);
    const span = Math.min(node.width * 0.7, (list.length - 1) * 16);
    list.forEach((item, k) => {
      result[item.edge][item.end] = list.length === 1 ? 0 : -span / 2 + (span * k) / (list.length - 1);
    });
  }
  return result;
}
