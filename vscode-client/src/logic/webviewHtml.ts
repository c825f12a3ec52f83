/**
 * The HTML page of a diagram webview. Everything is inline and allowed only by
 * nonce under a strict Content-Security-Policy: no network, no remote fonts,
 * no eval. The page posts `open`, `refresh` and `scope` messages back.
 */
import { escapeXml } from "./svg";

export interface DiagramPage {
  readonly title: string;
  /** A line under the title, e.g. "whole workspace". */
  readonly subtitle: string;
  readonly svg: string;
  readonly nonce: string;
  /** The webview's `cspSource`, for completeness of the policy. */
  readonly cspSource: string;
  /** Offer the "whole workspace / this file" switch. */
  readonly scope?: "workspace" | "file";
}

/** Messages the page sends to the extension. */
export type DiagramMessage =
  | { readonly type: "open"; readonly uri: string; readonly line: number; readonly character: number }
  | { readonly type: "refresh" }
  | { readonly type: "scope"; readonly scope: "workspace" | "file" };

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "font-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** Checks a message from the page before acting on it: the page is not trusted blindly. */
export function parseDiagramMessage(value: unknown): DiagramMessage | undefined {
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const m = value as Record<string, unknown>;
  if (
    m.type === "open" &&
    typeof m.uri === "string" &&
    Number.isInteger(m.line) &&
    Number.isInteger(m.character) &&
    (m.line as number) >= 0 &&
    (m.character as number) >= 0
  ) {
    return { type: "open", uri: m.uri, line: m.line as number, character: m.character as number };
  }
  if (m.type === "refresh") {
    return { type: "refresh" };
  }
  if (m.type === "scope" && (m.scope === "workspace" || m.scope === "file")) {
    return { type: "scope", scope: m.scope };
  }
  return undefined;
}

export function diagramHtml(page: DiagramPage): string {
  const scopeSwitch = page.scope
    ? `<select id="scope" title="What to draw"><option value="workspace"${page.scope === "workspace" ? " selected" : ""}>Whole workspace</option><option value="file"${page.scope === "file" ? " selected" : ""}>Current file's neighbourhood</option></select>`
    : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.nonce, page.cspSource)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(page.title)}</title>
<style nonce="${page.nonce}">
  body { margin: 0; padding: 0; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
  header { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; padding: 6px 12px; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, #8884); z-index: 1; }
  header h1 { font-size: 13px; margin: 0; font-weight: 600; white-space: nowrap; }
  header .subtitle { opacity: 0.7; font-size: 12px; flex: 1; white-space: nowrap; }
  button, select { background: var(--vscode-button-secondaryBackground, #444); color: var(--vscode-button-secondaryForeground, #fff); border: none; padding: 3px 9px; cursor: pointer; font-size: 12px; }
  #canvas { overflow: auto; padding: 8px; }
  svg text { fill: var(--vscode-editor-foreground); }
  .box { fill: var(--vscode-editorWidget-background, #2228); stroke: var(--vscode-editorWidget-border, #888); stroke-width: 1; }
  .entity .header { fill: var(--vscode-badge-background, #4a6); opacity: 0.35; }
  .entity, .module[data-uri] { cursor: pointer; }
  .entity:hover .box, .entity:focus .box, .module[data-uri]:hover .box, .module[data-uri]:focus .box { stroke: var(--vscode-focusBorder, #39f); stroke-width: 2; }
  :focus { outline: none; }
  .table-name { font-style: italic; opacity: 0.75; }
  .badge { font-weight: bold; fill: var(--vscode-charts-yellow, #c90) !important; }
  .fk .badge { fill: var(--vscode-charts-blue, #39f) !important; }
  .column-type { opacity: 0.7; }
  .edge { fill: none; stroke: var(--vscode-editor-foreground, #ccc); stroke-opacity: 0.6; stroke-width: 1.4; }
  .many-to-many .edge { stroke-dasharray: 6 3; }
  .edge-label { font-size: 11px; opacity: 0.85; }
  .edge-label.secondary { font-style: italic; opacity: 0.65; }
  .cardinality { font-weight: bold; font-size: 11px; }
  .edge-label, .cardinality { paint-order: stroke; stroke: var(--vscode-editor-background, #1e1e1e); stroke-width: 4px; stroke-linejoin: round; }
  .edge.typeChecking { stroke-dasharray: 5 4; stroke-opacity: 0.45; }
  .edge.function { stroke-dasharray: 2 3; }
  .edge.implicit { stroke-dasharray: 8 3 2 3; stroke-opacity: 0.45; }
  .edge.cycle { stroke: var(--vscode-errorForeground, #f44); stroke-opacity: 1; stroke-width: 2.2; }
  .arrowhead { fill: var(--vscode-editor-foreground, #ccc); fill-opacity: 0.6; }
  .arrowhead.cycle { fill: var(--vscode-errorForeground, #f44); fill-opacity: 1; }
  .module.cycle .box { stroke: var(--vscode-errorForeground, #f44); stroke-width: 2; }
  .module.external .box { stroke-dasharray: 3 3; opacity: 0.6; }
  .empty-message { font-size: 14px; }
</style>
</head>
<body>
<header>
  <h1>${escapeXml(page.title)}</h1>
  <span class="subtitle">${escapeXml(page.subtitle)}</span>
  ${scopeSwitch}
  <button id="zoom-out" title="Zoom out">−</button>
  <button id="zoom-reset" title="Actual size">100%</button>
  <button id="zoom-in" title="Zoom in">+</button>
  <button id="refresh" title="Ask the server again">Refresh</button>
</header>
<div id="canvas">${page.svg}</div>
<script nonce="${page.nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const svg = document.querySelector("#canvas svg");
  const baseWidth = svg ? Number(svg.getAttribute("width")) : 0;
  const baseHeight = svg ? Number(svg.getAttribute("height")) : 0;
  let zoom = (vscode.getState() || {}).zoom || 1;
  function applyZoom() {
    if (!svg) return;
    svg.setAttribute("width", String(baseWidth * zoom));
    svg.setAttribute("height", String(baseHeight * zoom));
    document.getElementById("zoom-reset").textContent = Math.round(zoom * 100) + "%";
    vscode.setState({ zoom: zoom });
  }
  function setZoom(z) { zoom = Math.min(4, Math.max(0.2, z)); applyZoom(); }
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-reset").addEventListener("click", function () { setZoom(1); });
  document.getElementById("refresh").addEventListener("click", function () { vscode.postMessage({ type: "refresh" }); });
  const scope = document.getElementById("scope");
  if (scope) scope.addEventListener("change", function () { vscode.postMessage({ type: "scope", scope: scope.value }); });
  document.getElementById("canvas").addEventListener("wheel", function (event) {
    if (event.ctrlKey) { event.preventDefault(); setZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1)); }
  }, { passive: false });
  function open(target) {
    const node = target.closest && target.closest("[data-uri]");
    if (!node) return;
    vscode.postMessage({
      type: "open",
      uri: node.getAttribute("data-uri"),
      line: Number(node.getAttribute("data-line")),
      character: Number(node.getAttribute("data-character"))
    });
  }
  document.addEventListener("click", function (event) { open(event.target); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") open(event.target);
  });
  applyZoom();
})();
</script>
</body>
</html>`;
}
