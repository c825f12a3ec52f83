/**
 * The entity-relationship diagram: the `ormlens/graph` response drawn as one
 * SVG string. Each entity is a clickable group carrying its source position.
 */
import { layeredLayout, type LayoutEdge } from "./layout";
import { edgePath, escapeXml, n, nearEnd, spreadPorts, textWidth } from "./svg";

/** Params of the `ormlens/graph` request: null means the whole workspace. */
export interface GraphParams {
  readonly uri: string | null;
}

export interface GraphColumn {
  readonly name: string;
  readonly type: string;
  readonly primaryKey: boolean;
  readonly foreignKey: string | null;
}

export interface GraphEntity {
  readonly name: string;
  readonly qualifiedName: string;
  readonly table: string | null;
  readonly uri: string;
  /** 0-based LSP position of the class name. */
  readonly line: number;
  readonly character: number;
  readonly columns: readonly GraphColumn[];
}

export type Direction = "MANYTOONE" | "ONETOMANY" | "MANYTOMANY";

export interface GraphRelationship {
  readonly from: string;
  readonly to: string;
  readonly attribute: string;
  readonly direction: Direction;
  readonly secondary: string | null;
  readonly backPopulates: string | null;
}

export interface GraphResponse {
  readonly entities: readonly GraphEntity[];
  readonly relationships: readonly GraphRelationship[];
}

/** One drawn line: a relationship, merged with its reciprocal when there is one. */
export interface DrawnRelationship {
  /** The "one" side (or the first side of a many-to-many). */
  readonly parent: string;
  /** The "many" side. */
  readonly child: string;
  readonly manyToMany: boolean;
  /** Attribute on the parent pointing at the child, if any. */
  readonly parentAttribute: string | null;
  /** Attribute on the child pointing at the parent, if any. */
  readonly childAttribute: string | null;
  readonly secondary: string | null;
}

/**
 * Pairs each relationship with its `back_populates` partner and orients the
 * line from the "one" side to the "many" side.
 */
export function drawnRelationships(relationships: readonly GraphRelationship[]): DrawnRelationship[] {
  const used = new Set<number>();
  const result: DrawnRelationship[] = [];
  relationships.forEach((r, i) => {
    if (used.has(i)) {
      return;
    }
    used.add(i);
    const partnerIndex = relationships.findIndex(
      (p, j) =>
        !used.has(j) &&
        p.from === r.to &&
        p.to === r.from &&
        ((r.backPopulates !== null && p.attribute === r.backPopulates) ||
          (p.backPopulates !== null && p.backPopulates === r.attribute)),
    );
    const partner = partnerIndex >= 0 ? relationships[partnerIndex] : undefined;
    if (partner) {
      used.add(partnerIndex);
    }
    const secondary = r.secondary ?? partner?.secondary ?? null;
    if (r.direction === "MANYTOONE") {
      result.push({
        parent: r.to,
        child: r.from,
        manyToMany: false,
        parentAttribute: partner?.attribute ?? r.backPopulates,
        childAttribute: r.attribute,
        secondary,
      });
    } else {
      result.push({
        parent: r.from,
        child: r.to,
        manyToMany: r.direction === "MANYTOMANY",
        parentAttribute: r.attribute,
        childAttribute: partner?.attribute ?? r.backPopulates,
        secondary,
      });
    }
  });
  return result;
}

const FONT = 12;
const TITLE_FONT = 13;
const ROW = 18;
const HEADER = 40;
const PAD = 10;

export function renderErDiagram(graph: GraphResponse): string {
  const entities = dedupeEntities(graph.entities);
  if (entities.length === 0) {
    return emptySvg("No mapped classes found.");
  }
  const known = new Set(entities.map((e) => e.qualifiedName));
  const lines = drawnRelationships(graph.relationships.filter((r) => known.has(r.from) && known.has(r.to)));

  const sizes = entities.map((e) => {
    const columnWidth = Math.max(
      0,
      ...e.columns.map((c) => textWidth(`${c.name}  ${c.type}`, FONT) + 34),
    );
    const width = Math.max(120, textWidth(e.name, TITLE_FONT) + 2 * PAD, textWidth(e.table ?? "", FONT) + 2 * PAD, columnWidth + 2 * PAD);
    const height = HEADER + Math.max(1, e.columns.length) * ROW + 6;
    return { id: e.qualifiedName, width, height };
  });
  const edges: LayoutEdge[] = lines.map((l) => ({ from: l.parent, to: l.child }));
  const layout = layeredLayout(sizes, edges, { gapX: 56, gapY: 90 });

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="ormlens-graph er" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" font-family="var(--vscode-editor-font-family, monospace)" font-size="${FONT}">`,
  );
  parts.push(`<g class="edges">`);
  const ports = spreadPorts(edges, layout.nodes);
  lines.forEach((line, i) => {
    const a = layout.nodes.get(line.parent)!;
    const b = layout.nodes.get(line.child)!;
    const geometry = line.parent === line.child ? selfLoop(a) : edgePath(a, b, ports[i].from, ports[i].to);
    const label = [line.parentAttribute, line.childAttribute].filter(Boolean).join(" / ");
    const title = describe(line);
    const startMark = nearEnd(geometry.start, geometry.middle, 14);
    const endMark = nearEnd(geometry.end, geometry.middle, 14);
    parts.push(
      `<g class="relationship${line.manyToMany ? " many-to-many" : ""}"><title>${escapeXml(title)}</title>` +
        `<path d="${geometry.d}" class="edge"/>` +
        `<text class="cardinality" x="${n(startMark.x + 8)}" y="${n(startMark.y + 4)}">${line.manyToMany ? "*" : "1"}</text>` +
        `<text class="cardinality" x="${n(endMark.x + 8)}" y="${n(endMark.y + 4)}">*</text>` +
        (label
          ? `<text class="edge-label" x="${n(geometry.middle.x)}" y="${n(geometry.middle.y - 4)}" text-anchor="middle">${escapeXml(label)}</text>`
          : "") +
        (line.secondary
          ? `<text class="edge-label secondary" x="${n(geometry.middle.x)}" y="${n(geometry.middle.y + 12)}" text-anchor="middle">via ${escapeXml(line.secondary)}</text>`
          : "") +
        `</g>`,
    );
  });
  parts.push(`</g><g class="entities">`);
  for (const entity of entities) {
    const box = layout.nodes.get(entity.qualifiedName)!;
    parts.push(
      `<g class="entity" tabindex="0" role="button" data-uri="${escapeXml(entity.uri)}" data-line="${entity.line}" data-character="${entity.character}" data-name="${escapeXml(entity.qualifiedName)}">` +
        `<title>${escapeXml(entity.qualifiedName)}${entity.table ? ` (table ${escapeXml(entity.table)})` : ""}</title>` +
        `<rect class="box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4"/>` +
        `<rect class="header" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${HEADER}" rx="4"/>` +
        `<text class="entity-name" x="${n(box.x + PAD)}" y="${n(box.y + 17)}" font-size="${TITLE_FONT}" font-weight="bold">${escapeXml(entity.name)}</text>` +
        `<text class="table-name" x="${n(box.x + PAD)}" y="${n(box.y + 33)}">${escapeXml(entity.table ?? "(no table)")}</text>`,
    );
    entity.columns.forEach((column, i) => {
      const y = box.y + HEADER + 14 + i * ROW;
      const badge = column.primaryKey ? "PK" : column.foreignKey ? "FK" : "";
      const tip = column.foreignKey ? `<title>${escapeXml(`${column.name} → ${column.foreignKey}`)}</title>` : "";
      parts.push(
        `<g class="column${column.primaryKey ? " pk" : ""}${column.foreignKey ? " fk" : ""}">${tip}` +
          (badge ? `<text class="badge" x="${n(box.x + PAD)}" y="${n(y)}" font-size="9">${badge}</text>` : "") +
          `<text class="column-name" x="${n(box.x + PAD + 22)}" y="${n(y)}">${escapeXml(column.name)}</text>` +
          `<text class="column-type" x="${n(box.x + box.width - PAD)}" y="${n(y)}" text-anchor="end">${escapeXml(column.type)}</text>` +
          `</g>`,
      );
    });
    parts.push(`</g>`);
  }
  parts.push(`</g></svg>`);
  return parts.join("");
}

export function emptySvg(message: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="ormlens-graph empty" width="400" height="60" viewBox="0 0 400 60"><text x="20" y="35" class="empty-message">${escapeXml(message)}</text></svg>`;
}

function dedupeEntities(entities: readonly GraphEntity[]): GraphEntity[] {
  const seen = new Set<string>();
  return entities.filter((e) => (seen.has(e.qualifiedName) ? false : (seen.add(e.qualifiedName), true)));
}

function describe(line: DrawnRelationship): string {
  const kind = line.manyToMany ? "many-to-many" : "one-to-many";
  const parent = line.parentAttribute ? `${line.parent}.${line.parentAttribute}` : line.parent;
  const child = line.childAttribute ? `${line.child}.${line.childAttribute}` : line.child;
  return `${parent} → ${child} (${kind}${line.secondary ? `, via ${line.secondary}` : ""})`;
}

function selfLoop(box: { x: number; y: number; width: number; height: number }) {
  const start = { x: box.x + box.width, y: box.y + 12 };
  const end = { x: box.x + box.width, y: box.y + 32 };
  const d = `M${n(start.x)},${n(start.y)} C${n(start.x + 40)},${n(start.y - 10)} ${n(end.x + 40)},${n(end.y + 10)} ${n(end.x)},${n(end.y)}`;
  return { d, start, end, middle: { x: start.x + 34, y: (start.y + end.y) / 2 } };
}
