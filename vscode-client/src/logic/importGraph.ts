/**
 * The module import graph: the `ormlens/importGraph` response drawn as one
 * SVG string, with the modules and edges of each import cycle marked.
 */
import { layeredLayout } from "./layout";
import { emptySvg } from "./erDiagram";
import { edgePath, escapeXml, n, textWidth } from "./svg";

export type ImportKind = "module" | "typeChecking" | "function" | "implicit";

export interface ImportGraphResponse {
  readonly modules: readonly { readonly name: string; readonly uri: string | null }[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly kind: ImportKind }[];
  readonly cycles: readonly (readonly string[])[];
}

const KIND_LABEL: Record<ImportKind, string> = {
  module: "import at module level",
  typeChecking: "import under TYPE_CHECKING",
  function: "import inside a function",
  implicit: "implicit (package __init__)",
};

/** The edges `a -> b` that close a cycle: consecutive modules of each cycle, wrapping around. */
export function cycleEdges(cycles: readonly (readonly string[])[]): Set<string> {
  const keys = new Set<string>();
  for (const cycle of cycles) {
    cycle.forEach((module, i) => keys.add(edgeKey(module, cycle[(i + 1) % cycle.length])));
  }
  return keys;
}

export function renderImportGraph(graph: ImportGraphResponse): string {
  const names = new Map<string, string | null>();
  for (const m of graph.modules) {
    names.set(m.name, m.uri);
  }
  for (const e of graph.edges) {
    for (const name of [e.from, e.to]) {
      if (!names.has(name)) {
        names.set(name, null);
      }
    }
  }
  if (names.size === 0) {
    return emptySvg("No Python modules found.");
  }
  const inCycle = new Set(graph.cycles.flat());
  const onCycle = cycleEdges(graph.cycles);
  const FONT = 12;
  const layout = layeredLayout(
    [...names.keys()].map((name) => ({ id: name, width: Math.max(80, textWidth(name, FONT) + 24), height: 30 })),
    graph.edges,
    { gapX: 36, gapY: 64 },
  );
  const legendHeight = 26;
  const width = Math.max(layout.width, legendWidth(graph.cycles.length));
  const height = layout.height + legendHeight;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="ormlens-graph imports" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="var(--vscode-editor-font-family, monospace)" font-size="${FONT}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker>` +
      `<marker id="arrow-cycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead cycle"/></marker></defs>`,
    legend(graph.cycles.length),
    `<g transform="translate(0,${legendHeight})"><g class="edges">`,
  );
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const key = edgeKey(edge.from, edge.to) + "\u0000" + edge.kind;
    if (seen.has(key) || edge.from === edge.to) {
      continue;
    }
    seen.add(key);
    const a = layout.nodes.get(edge.from)!;
    const b = layout.nodes.get(edge.to)!;
    const cyclic = onCycle.has(edgeKey(edge.from, edge.to));
    // Two modules importing each other: bow the two lines apart.
    const offset = graph.edges.some((o) => o.from === edge.to && o.to === edge.from) ? (edge.from < edge.to ? -6 : 6) : 0;
    const geometry = edgePath(a, b, offset);
    parts.push(
      `<path d="${geometry.d}" class="edge ${edge.kind}${cyclic ? " cycle" : ""}" marker-end="url(#${cyclic ? "arrow-cycle" : "arrow"})">` +
        `<title>${escapeXml(`${edge.from} → ${edge.to}: ${KIND_LABEL[edge.kind] ?? edge.kind}${cyclic ? " (in an import cycle)" : ""}`)}</title></path>`,
    );
  }
  parts.push(`</g><g class="modules">`);
  for (const [name, uri] of names) {
    const box = layout.nodes.get(name)!;
    const cyclic = inCycle.has(name);
    const attributes = uri
      ? ` tabindex="0" role="button" data-uri="${escapeXml(uri)}" data-line="0" data-character="0"`
      : "";
    parts.push(
      `<g class="module${cyclic ? " cycle" : ""}${uri ? "" : " external"}"${attributes} data-name="${escapeXml(name)}">` +
        `<title>${escapeXml(name)}${cyclic ? " (in an import cycle)" : ""}</title>` +
        `<rect class="box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4"/>` +
        `<text class="module-name" x="${n(box.x + box.width / 2)}" y="${n(box.y + 19)}" text-anchor="middle">${escapeXml(name)}</text>` +
        `</g>`,
    );
  }
  parts.push(`</g></g></svg>`);
  return parts.join("");
}

const LEGEND: [ImportKind, string][] = [
  ["module", "module level"],
  ["typeChecking", "TYPE_CHECKING"],
  ["function", "in a function"],
  ["implicit", "implicit"],
];

function cyclesText(cycleCount: number): string {
  return cycleCount === 0 ? "no import cycles" : `${cycleCount} import ${cycleCount === 1 ? "cycle" : "cycles"}`;
}

function legendWidth(cycleCount: number): number {
  const labels = [...LEGEND.map(([, label]) => label), cyclesText(cycleCount)];
  return 12 + labels.reduce((sum, label) => sum + 34 + textWidth(label, 12) + 18, 0);
}

function legend(cycleCount: number): string {
  const items = LEGEND;
  let x = 12;
  const parts = [`<g class="legend">`];
  for (const [kind, label] of items) {
    parts.push(`<path d="M${x},13 L${x + 28},13" class="edge ${kind}"/><text x="${x + 34}" y="17">${label}</text>`);
    x += 34 + textWidth(label, 12) + 18;
  }
  const cycles = cyclesText(cycleCount);
  parts.push(`<path d="M${x},13 L${x + 28},13" class="edge module cycle"/><text x="${x + 34}" y="17">${cycles}</text></g>`);
  return parts.join("");
}

function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
