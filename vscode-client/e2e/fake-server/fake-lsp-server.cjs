#!/usr/bin/env node
// A fake ORM Lens server for the e2e test of the VS Code client, NOT shipped:
// hand-written JSON-RPC over stdio (no dependencies) that answers just enough
// of the protocol, from regular expressions over the workspace's Python files,
// to exercise the client: diagnostics (ORM101), hover, definition, the
// "Convert to lazy resolver" quick fix, source.fixAll.ormlens,
// ormlens.fixWorkspace, ormlens/graph, ormlens/importGraph, $/progress and
// ormlens/status. With ORMLENS_FAKE_CRASH=1 it exits right after initialize.
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL, fileURLToPath } = require("url");

const log = (...args) => process.stderr.write(`[fake-server] ${args.join(" ")}\n`);
let root = null;
const open = new Map(); // uri -> text
let nextId = 1;
const pending = new Map();

// ---- transport -------------------------------------------------------------
let buffer = Buffer.alloc(0);
process.stdin.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const header = buffer.subarray(0, end).toString("ascii");
    const match = /Content-Length: (\d+)/i.exec(header);
    const length = Number(match[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString("utf8");
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}
const notify = (method, params) => send({ method, params });
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => pending.set(id, resolve));
}

// ---- a regex "index" of the workspace --------------------------------------
function pythonFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pythonFiles(full, out);
    else if (entry.name.endsWith(".py")) out.push(full);
  }
  return out;
}
function textOf(file) {
  const uri = pathToFileURL(file).toString();
  return open.get(uri) ?? fs.readFileSync(file, "utf8");
}
function moduleName(file) {
  return path.relative(root, file).replace(/\.py$/, "").replace(/\/__init__$/, "").split(path.sep).join(".");
}
function index() {
  const classes = [];
  const relationships = [];
  const imports = [];
  if (!root) return { classes, relationships, imports };
  for (const file of pythonFiles(root)) {
    const uri = pathToFileURL(file).toString();
    const module = moduleName(file);
    const lines = textOf(file).split("\n");
    let current = null;
    lines.forEach((line, i) => {
      let m;
      if ((m = /^class (\w+)\(/.exec(line))) {
        current = { name: m[1], qualifiedName: `${module}.${m[1]}`, uri, line: i, character: 6, table: null, columns: [] };
        classes.push(current);
      } else if (current && (m = /^\s+__tablename__ = "(\w+)"/.exec(line))) {
        current.table = m[1];
      } else if (current && (m = /^\s+(\w+): Mapped\[([^\]]+)\] = mapped_column\((.*)\)/.exec(line))) {
        const fk = /ForeignKey\("([\w.]+)"\)/.exec(m[3]);
        current.columns.push({ name: m[1], type: m[2], primaryKey: m[3].includes("primary_key=True"), foreignKey: fk ? fk[1] : null });
      } else if (current && (m = /^\s+(\w+): Mapped\[(List\[)?[^=]*= relationship\("(\w+)"(.*)\)/.exec(line))) {
        const back = /back_populates="(\w+)"/.exec(m[4]);
        const secondary = /secondary="(\w+)"/.exec(m[4]);
        relationships.push({ owner: current, attribute: m[1], target: m[3], many: Boolean(m[2]), back: back && back[1], secondary: secondary && secondary[1], uri, line: i, column: line.indexOf(`"${m[3]}"`, line.indexOf("relationship(")) });
      } else if ((m = /^(\s*)from ([\w.]+) import (.*)/.exec(line))) {
        const target = m[2] === module.split(".")[0] ? null : m[2];
        if (target && target.startsWith(module.split(".")[0])) imports.push({ from: module, to: target, kind: m[1] ? "function" : "module" });
        else if (!target) for (const name of m[3].split(",")) imports.push({ from: module, to: `${m[2]}.${name.trim().split(" ")[0]}`, kind: "implicit" });
      }
    });
  }
  return { classes, relationships, imports };
}

// ---- features ----------------------------------------------------------------
function diagnosticsFor(uri) {
  const { classes, relationships } = index();
  return relationships
    .filter((r) => r.uri === uri && !classes.some((c) => c.name === r.target))
    .map((r) => ({
      range: { start: { line: r.line, character: r.column }, end: { line: r.line, character: r.column + r.target.length + 2 } },
      severity: 1,
      code: "ORM101",
      source: "ormlens",
      message: `no mapped class named '${r.target}': SQLAlchemy raises "failed to locate a name" at configure time`,
      data: { suggestion: closest(r.target, classes.map((c) => c.name)) },
    }));
}
function closest(name, names) {
  const distance = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  return names.slice().sort((x, y) => distance(name, x) - distance(name, y))[0];
}
function publish(uri) {
  notify("textDocument/publishDiagnostics", { uri, diagnostics: diagnosticsFor(uri) });
}
function relationshipAt(uri, position) {
  return index().relationships.find(
    (r) => r.uri === uri && r.line === position.line && position.character >= r.column && position.character <= r.column + r.target.length + 2,
  );
}
function stringRange(r) {
  return { start: { line: r.line, character: r.column }, end: { line: r.line, character: r.column + r.target.length + 2 } };
}
function graph() {
  const { classes, relationships } = index();
  const byName = new Map(classes.map((c) => [c.name, c]));
  return {
    entities: classes.filter((c) => c.table).map(({ name, qualifiedName, table, uri, line, character, columns }) => ({ name, qualifiedName, table, uri, line, character, columns })),
    relationships: relationships
      .filter((r) => byName.has(r.target))
      .map((r) => ({
        from: r.owner.qualifiedName,
        to: byName.get(r.target).qualifiedName,
        attribute: r.attribute,
        direction: r.secondary ? "MANYTOMANY" : r.many ? "ONETOMANY" : "MANYTOONE",
        secondary: r.secondary,
        backPopulates: r.back,
      })),
  };
}
function importGraph() {
  const { imports } = index();
  const modules = root ? pythonFiles(root).map((f) => ({ name: moduleName(f), uri: pathToFileURL(f).toString() })) : [];
  const names = new Set(modules.map((m) => m.name));
  const edges = imports.filter((e) => names.has(e.to) || e.kind === "implicit");
  const cycles = [];
  for (const e of edges) if (e.from < e.to && edges.some((o) => o.from === e.to && o.to === e.from)) cycles.push([e.from, e.to]);
  return { modules, edges, cycles };
}
function lazyResolverFix(uri, r) {
  const name = `resolve_${r.target.toLowerCase()}`;
  return {
    title: "Convert to lazy resolver",
    kind: "quickfix",
    edit: {
      changes: {
        [uri]: [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `from shop.resolvers import ${name}\n` },
          { range: stringRange(r), newText: name },
        ],
      },
    },
  };
}

// ---- dispatch ------------------------------------------------------------------
async function handle(message) {
  if (message.id !== undefined && message.method === undefined) {
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
    return;
  }
  const { id, method, params } = message;
  const reply = (result) => send({ id, result });
  switch (method) {
    case "initialize":
      root = params.rootUri ? fileURLToPath(params.rootUri) : params.workspaceFolders?.[0] ? fileURLToPath(params.workspaceFolders[0].uri) : null;
      log(`initialize: root ${root}, initializationOptions ${JSON.stringify(params.initializationOptions)}`);
      reply({
        capabilities: {
          textDocumentSync: 1,
          hoverProvider: true,
          definitionProvider: true,
          codeActionProvider: { codeActionKinds: ["quickfix", "source.fixAll.ormlens"] },
          executeCommandProvider: { commands: ["ormlens.fixWorkspace"] },
        },
        serverInfo: { name: "fake ORM Lens", version: "0" },
      });
      if (process.env.ORMLENS_FAKE_CRASH === "1") setTimeout(() => process.exit(3), 200);
      return;
    case "initialized": {
      const config = await request("workspace/configuration", { items: [{ section: "ormlens" }] });
      log(`workspace/configuration -> ${JSON.stringify(config)}`);
      await request("window/workDoneProgress/create", { token: "ormlens-index" });
      const files = root ? pythonFiles(root) : [];
      notify("$/progress", { token: "ormlens-index", value: { kind: "begin", title: "Indexing", message: `0/${files.length} files`, percentage: 0 } });
      notify("ormlens/status", { state: "indexing", models: 0, files: files.length, message: "" });
      for (let i = 1; i <= files.length; i++) {
        await new Promise((r) => setTimeout(r, 150));
        notify("$/progress", { token: "ormlens-index", value: { kind: "report", message: `${i}/${files.length} files`, percentage: (100 * i) / files.length } });
      }
      notify("$/progress", { token: "ormlens-index", value: { kind: "end" } });
      const models = index().classes.filter((c) => c.table).length;
      notify("ormlens/status", { state: "ready", models, files: files.length, message: "" });
      for (const uri of open.keys()) publish(uri);
      return;
    }
    case "workspace/didChangeConfiguration":
      log(`didChangeConfiguration -> ${JSON.stringify(params.settings)}`);
      return;
    case "textDocument/didOpen":
      open.set(params.textDocument.uri, params.textDocument.text);
      publish(params.textDocument.uri);
      return;
    case "textDocument/didChange":
      open.set(params.textDocument.uri, params.contentChanges[params.contentChanges.length - 1].text);
      publish(params.textDocument.uri);
      return;
    case "textDocument/didClose":
      open.delete(params.textDocument.uri);
      return;
    case "textDocument/hover": {
      const r = relationshipAt(params.textDocument.uri, params.position);
      const target = r && index().classes.find((c) => c.name === r.target);
      if (!r) return reply(null);
      const value = target
        ? `**${r.owner.name}.${r.attribute}** → \`${target.qualifiedName}\` (${r.secondary ? "many-to-many" : r.many ? "one-to-many" : "many-to-one"})${r.back ? `\n\nreciprocal: \`${target.name}.${r.back}\`` : ""}`
        : `no mapped class named \`${r.target}\``;
      return reply({ contents: { kind: "markdown", value }, range: stringRange(r) });
    }
    case "textDocument/definition": {
      const r = relationshipAt(params.textDocument.uri, params.position);
      const target = r && index().classes.find((c) => c.name === r.target);
      if (!target) return reply(null);
      const start = { line: target.line, character: target.character };
      return reply({ uri: target.uri, range: { start, end: { line: start.line, character: start.character + target.name.length } } });
    }
    case "textDocument/codeAction": {
      const uri = params.textDocument.uri;
      const actions = [];
      const only = params.context.only;
      const fixes = diagnosticsFor(uri).map((d) => ({
        title: `Did you mean '${d.data.suggestion}'?`,
        kind: "quickfix",
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: d.range, newText: `"${d.data.suggestion}"` }] } },
      }));
      if (!only || only.some((k) => "source.fixAll.ormlens".startsWith(k))) {
        if (fixes.length > 0) actions.push({ title: "Fix all ORM Lens problems", kind: "source.fixAll.ormlens", edit: { changes: { [uri]: fixes.flatMap((f) => f.edit.changes[uri]) } } });
      }
      if (!only || only.includes("quickfix")) {
        actions.push(...fixes.filter((f) => f.diagnostics[0].range.start.line === params.range.start.line));
        const r = relationshipAt(uri, params.range.start);
        if (r && index().classes.some((c) => c.name === r.target)) actions.push(lazyResolverFix(uri, r));
      }
      return reply(actions);
    }
    case "workspace/executeCommand":
      log(`executeCommand ${params.command}`);
      return reply(params.command === "ormlens.fixWorkspace" ? "the fake server fixed 0 files" : null);
    case "ormlens/graph":
      return reply(graph());
    case "ormlens/importGraph":
      return reply(importGraph());
    case "shutdown":
      return reply(null);
    case "exit":
      process.exit(0);
      return;
    default:
      if (id !== undefined) send({ id, error: { code: -32601, message: `fake server: no ${method}` } });
  }
}
log(`started, pid ${process.pid}, args ${process.argv.slice(2).join(" ")}`);
