import { test } from "node:test";
import assert from "node:assert/strict";
import { contentSecurityPolicy, diagramHtml, parseDiagramMessage } from "../src/logic/webviewHtml";

test("the policy allows nothing from the network and scripts only by nonce", () => {
  const csp = contentSecurityPolicy("abc", "vscode-webview://x");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc'/);
  assert.match(csp, /style-src 'nonce-abc'/);
  assert.match(csp, /connect-src 'none'/);
  assert.ok(!/https?:/.test(csp));
  assert.ok(!csp.includes("unsafe"));
});

test("the page carries the policy, the nonce on every script and style, and no remote resource", () => {
  const html = diagramHtml({ title: "T <1>", subtitle: "s", svg: "<svg></svg>", nonce: "N0nce", cspSource: "vscode-webview://x", scope: "workspace" });
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  const styles = html.match(/<style[^>]*>/g) ?? [];
  assert.equal(scripts.length, 1);
  assert.ok([...scripts, ...styles].every((tag) => tag.includes('nonce="N0nce"')));
  assert.ok(!/\b(src|href)="https?:/.test(html));
  assert.match(html, /T &lt;1&gt;/);
  assert.match(html, /<option value="workspace" selected>/);
});

test("messages from the page are checked before use", () => {
  assert.deepEqual(parseDiagramMessage({ type: "open", uri: "file:///a.py", line: 3, character: 4 }), {
    type: "open",
    uri: "file:///a.py",
    line: 3,
    character: 4,
  });
  assert.equal(parseDiagramMessage({ type: "open", uri: "file:///a.py", line: -1, character: 0 }), undefined);
  assert.equal(parseDiagramMessage({ type: "open", uri: 5, line: 1, character: 0 }), undefined);
  assert.equal(parseDiagramMessage({ type: "scope", scope: "everything" }), undefined);
  assert.deepEqual(parseDiagramMessage({ type: "scope", scope: "file" }), { type: "scope", scope: "file" });
  assert.deepEqual(parseDiagramMessage({ type: "refresh" }), { type: "refresh" });
  assert.equal(parseDiagramMessage("refresh"), undefined);
  assert.equal(parseDiagramMessage(null), undefined);
});
