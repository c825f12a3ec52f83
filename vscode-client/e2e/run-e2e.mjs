#!/usr/bin/env node
// Drives the packaged ORM Lens extension in a real VS Code (code-server) with
// Playwright and Debian's Chromium, saving a screenshot of each step.
//
//   node e2e/run-e2e.mjs --workspace DIR --shots DIR [options]
//
// Options (defaults in brackets):
//   --vsix PATH              the extension to install [../ormlens-<version>.vsix]
//   --code-server ENTRY      code-server's out/node/entry.js [installs into /tmp/ormlens-e2e/code-server]
//   --java-home DIR          value for ormlens.java.home [the JDK of `java` on PATH]
//   --fake-server            use e2e/fake-server (a node stand-in for the jar) as the Java home
//   --file REL               file to open [shop/parent.py]
//   --expect-code CODE       diagnostic code expected in that file [ORM101]
//   --anchor TEXT            text on the line to hover [relationship("Child"]
//   --hover TEXT             the part of the anchor to hover and jump from [Child]
//   --definition-file NAME   file name the jump lands in [child.py]
//   --fix-title TEXT         quick fix to apply on the hovered string [Convert to lazy resolver]
//   --fix-result TEXT        text the file contains after the fix [resolve_]
//   --timeout MS             how long to wait for the server's answers [90000]
//   --headed                 show the browser (needs a display)
//
// The workspace is copied to a scratch folder first: the quick fix edits it.
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.dirname(here);

function parseArgs(argv) {
  const flags = new Set(["fake-server", "headed"]);
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (flags.has(key)) args[key] = true;
    else args[key] = argv[++i];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (!args.workspace || !args.shots) {
  console.error("usage: node e2e/run-e2e.mjs --workspace DIR --shots DIR [--fake-server] [--vsix PATH] [--code-server ENTRY] [--java-home DIR]");
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(clientDir, "package.json"), "utf8"));
const vsix = path.resolve(args.vsix ?? path.join(clientDir, `${pkg.name}-${pkg.version}.vsix`));
const shots = path.resolve(args.shots);
const file = args.file ?? "shop/parent.py";
const expectCode = args["expect-code"] ?? "ORM101";
const anchor = args.anchor ?? 'relationship("Child"';
const hoverText = args.hover ?? "Child";
const definitionFile = args["definition-file"] ?? "child.py";
const fixTitle = args["fix-title"] ?? "Convert to lazy resolver";
const fixResult = args["fix-result"] ?? "resolve_";
const timeout = Number(args.timeout ?? 90000);

const log = (...parts) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...parts);

if (!fs.existsSync(vsix)) {
  console.error(`no extension at ${vsix}: run \`npm run package\` in vscode-client first`);
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

// ---- the pieces: code-server, Java home, scratch folders -----------------------
const codeServer = args["code-server"]
  ? path.resolve(args["code-server"])
  : execFileSync("bash", [path.join(here, "install-code-server.sh")], { stdio: ["ignore", "pipe", "inherit"] })
      .toString()
      .trim()
      .split("\n")
      .pop();

function defaultJavaHome() {
  const java = execFileSync("bash", ["-c", "readlink -f \"$(command -v java)\""]).toString().trim();
  if (!java) throw new Error("no java on PATH: pass --java-home");
  return path.dirname(path.dirname(java));
}
const javaHome = args["fake-server"] ? path.join(here, "fake-server", "java-home") : path.resolve(args["java-home"] ?? defaultJavaHome());

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ormlens-e2e-run-"));
const userData = path.join(scratch, "user-data");
const extensions = path.join(scratch, "extensions");
const browserProfile = path.join(scratch, "chromium-profile");
const workspace = path.join(scratch, "workspace");
fs.cpSync(path.resolve(args.workspace), workspace, { recursive: true });
fs.mkdirSync(path.join(userData, "User"), { recursive: true });
fs.writeFileSync(
  path.join(userData, "User", "settings.json"),
  JSON.stringify(
    {
      // The extension host rebuilds PATH from the login shell, so Java is named absolutely.
      "ormlens.java.home": javaHome,
      "ormlens.trace.server": "messages",
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.enableExperiments": false,
      "security.workspace.trust.enabled": false,
      "telemetry.telemetryLevel": "off",
      "extensions.autoUpdate": false,
      "extensions.autoCheckUpdates": false,
      "extensions.ignoreRecommendations": true,
      "update.mode": "none",
      "editor.hover.delay": 200,
      "window.commandCenter": false,
    },
    null,
    2,
  ),
);
log(`scratch ${scratch}; java home ${javaHome}`);

function run(command, argv, options = {}) {
  return execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], ...options }).toString();
}

log(`installing ${vsix}`);
run(process.execPath, [codeServer, "--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix]);
const installed = run(process.execPath, [codeServer, "--user-data-dir", userData, "--extensions-dir", extensions, "--list-extensions", "--show-versions"]);
log(`installed extensions: ${installed.trim().split("\n").join(", ")}`);

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const serverLog = fs.openSync(path.join(shots, "code-server.log"), "w");
const server = spawn(
  process.execPath,
  [
    codeServer,
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--user-data-dir", userData,
    "--extensions-dir", extensions,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    workspace,
  ],
  { stdio: ["ignore", serverLog, serverLog], detached: false, env: { ...process.env, ORMLENS_FAKE_CRASH: process.env.ORMLENS_FAKE_CRASH ?? "" } },
);
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;

async function waitForHttp(deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("code-server did not answer /healthz in time");
}

// ---- the steps ---------------------------------------------------------------------
const results = [];
let context;
let page;
let shotNumber = 0;

async function shot(name) {
  const file = path.join(shots, `${String(++shotNumber).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function step(name, body) {
  const started = Date.now();
  try {
    const detail = (await body()) ?? "";
    const file = await shot(name);
    results.push({ name, ok: true, detail, screenshot: file, ms: Date.now() - started });
    log(`PASS ${name} ${detail}`);
    return true;
  } catch (error) {
    let file = "";
    try {
      file = await shot(`${name}-FAILED`);
    } catch {
      // no page to photograph
    }
    results.push({ name, ok: false, detail: String(error?.message ?? error).split("\n")[0], screenshot: file, ms: Date.now() - started });
    log(`FAIL ${name}: ${error?.message ?? error}`);
    return false;
  }
}

async function runCommand(title) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press("Enter");
}

async function openFile(relative) {
  const tab = page.locator(".tab", { hasText: path.basename(relative) }).first();
  if (await tab.count()) {
    await tab.click();
    await page.locator(".tab.active", { hasText: path.basename(relative) }).waitFor({ timeout: 15000 });
    return;
  }
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: 10000 });
  await input.fill(relative);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: path.basename(relative) }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: path.basename(relative) }).waitFor({ timeout: 15000 });
  await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 15000 });
}

/** Screen coordinates of `text` inside the first editor line that contains `lineText`. */
async function locateInEditor(lineText, text) {
  const box = await page.evaluate(
    ([lineText, text]) => {
      for (const line of document.querySelectorAll(".editor-group-container.active .monaco-editor .view-line")) {
        const content = line.textContent.replace(/\u00a0/g, " ");
        const at = content.indexOf(lineText);
        if (at < 0) continue;
        const offset = at + lineText.indexOf(text);
        // Find the text node and offset holding that character.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent.length;
          if (offset < seen + length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, Math.min(length, offset - seen + 1));
            const rect = range.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          seen += length;
        }
      }
      return null;
    },
    [lineText, text],
  );
  if (!box) throw new Error(`no editor line shows ${JSON.stringify(lineText)}`);
  // Aim a couple of characters into the word.
  return { x: box.x + 10, y: box.y };
}

async function editorText() {
  return page.evaluate(() =>
    [...document.querySelectorAll(".editor-group-container.active .monaco-editor .view-line")]
      .map((l) => l.textContent.replace(/\u00a0/g, " "))
      .join("\n"),
  );
}

function webview() {
  return page.frameLocator("iframe.webview.ready").last().frameLocator("#active-frame");
}

let exitCode = 1;
try {
  await waitForHttp(Date.now() + 60000);
  log(`code-server is up on port ${port}`);
  context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: args.chromium ?? "/usr/bin/chromium",
    headless: !args.headed,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ].filter((flag) => !(args.headed && flag === "--headless")),
    viewport: { width: 1400, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30000);

  await step("workbench", async () => {
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60000 });
    await page.locator(".statusbar").waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    return url;
  });

  await step("open-file", async () => {
    await openFile(file);
    return file;
  });

  await step("diagnostic-squiggle", async () => {
    await page.locator(".editor-group-container.active .monaco-editor .squiggly-error, .editor-group-container.active .monaco-editor .squiggly-warning").first().waitFor({ timeout });
    return "squiggle shown";
  });

  await step("status-bar", async () => {
    const item = page.locator(".statusbar-item", { hasText: "ORM Lens" }).first();
    await item.waitFor({ timeout });
    // Wait until indexing is over and the model count is shown.
    await page.locator(".statusbar-item", { hasText: /ORM Lens: \d+ models?/ }).first().waitFor({ timeout });
    return (await item.textContent()).trim();
  });

  await step("problems-panel", async () => {
    await runCommand("View: Focus Problems");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: expectCode }).first();
    await row.waitFor({ timeout });
    return (await row.textContent()).trim().slice(0, 160);
  });

  await step("hover", async () => {
    await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
    const at = await locateInEditor(anchor, hoverText);
    await page.mouse.move(at.x - 30, at.y - 40);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    const hover = page.locator(".monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .markdown-hover").first();
    await hover.waitFor({ state: "visible", timeout });
    return (await hover.textContent()).trim().slice(0, 160);
  });

  await step("go-to-definition", async () => {
    const at = await locateInEditor(anchor, hoverText);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press("Escape");
    await page.keyboard.press("F12");
    await page.locator(".tab.active", { hasText: definitionFile }).waitFor({ timeout });
    return `landed in ${definitionFile}`;
  });

  await step("quick-fix-menu", async () => {
    await openFile(file);
    const at = await locateInEditor(anchor, hoverText);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press("Control+.");
    const item = page.locator(".action-widget .monaco-list-row, .context-view .action-item", { hasText: fixTitle }).first();
    await item.waitFor({ state: "visible", timeout });
    return fixTitle;
  });

  await step("quick-fix-applied", async () => {
    // Walk the menu with the keyboard until the fix is focused, then apply it.
    const focused = page.locator(".action-widget .monaco-list-row.focused");
    for (let i = 0; i < 20 && !((await focused.count()) && (await focused.first().textContent()).includes(fixTitle)); i++) {
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    const deadline = Date.now() + timeout;
    while (!(await editorText()).includes(fixResult)) {
      if (Date.now() > deadline) throw new Error(`the file does not contain ${JSON.stringify(fixResult)} after the fix`);
      await page.waitForTimeout(200);
    }
    return `file now contains ${fixResult}`;
  });

  await step("er-diagram", async () => {
    await runCommand("ORM Lens: Show Entity-Relationship Diagram");
    const entity = webview().locator("g.entity").first();
    await entity.waitFor({ timeout });
    const count = await webview().locator("g.entity").count();
    const title = (await webview().locator("header h1").textContent()).trim();
    return `${count} entities drawn; ${title}`;
  });

  await step("er-diagram-click", async () => {
    const entity = webview().locator("g.entity").first();
    const name = await entity.getAttribute("data-name");
    const uri = await entity.getAttribute("data-uri");
    await entity.locator("rect.header").click();
    await page.locator(".tab.active", { hasText: path.basename(new URL(uri).pathname) }).waitFor({ timeout: 15000 });
    return `clicked ${name}, opened ${path.basename(new URL(uri).pathname)}`;
  });

  await step("import-graph", async () => {
    await runCommand("ORM Lens: Show Import Graph");
    await webview().locator("g.module").first().waitFor({ timeout });
    return `${await webview().locator("g.module").count()} modules drawn`;
  });

  exitCode = results.every((r) => r.ok) ? 0 : 1;
} catch (error) {
  log(`aborted: ${error?.stack ?? error}`);
} finally {
  try {
    await context?.close();
  } catch {
    // already gone
  }
  server.kill("SIGTERM");
  fs.writeFileSync(path.join(shots, "results.json"), JSON.stringify(results, null, 2));
  const passed = results.filter((r) => r.ok).length;
  console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
  if (!process.env.ORMLENS_E2E_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(exitCode);
}
