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
//   --scenario NAME          features [default], or a failure mode: no-java, broken-jar, crash
// Defaults below are for examples/type_checking_split with the real server
// (with --fake-server: for e2e/sample-workspace).
//   --file REL               file to open [shop/parent.py]
//   --expect-code CODE       diagnostic code expected in that file [ORM202]
//   --anchor TEXT            text on the line to hover [back_populates="parents"]
//   --hover TEXT             the part of the anchor to hover and jump from [parents]
//   --hover-expect TEXT      text the server's hover shows [many-to-many]
//   --definition-file NAME   file name the jump lands in [child.py]
//   --lens-line TEXT         the line under a "N references" code lens [class Parent(Base)]
//   --fix-title TEXT         quick fix to apply on the hovered string [Convert 'children' to lazy resolvers]
//   --fix-result TEXT        text the file contains after the fix [resolve_]
//   --fix-all-result TEXT    text the file contains after Fix All in File [overlaps=]
//   --workspace-fix-file REL file Fix All in Workspace changes [shop/__init__.py]
//   --workspace-fix-result TEXT  text it contains afterwards [from . import]
//   --timeout MS             how long to wait for the server's answers [90000]
//   --headed                 show the browser (needs a display)
//
// The workspace is copied to a scratch folder first: the quick fixes edit it.
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
const defaults = args["fake-server"]
  ? {
      "expect-code": "ORM101",
      anchor: 'relationship("Child"',
      hover: "Child",
      "hover-expect": "Child",
      "definition-file": "child.py",
      "lens-line": "",
      "fix-title": "Convert to lazy resolver",
      "fix-result": "resolve_",
      "fix-all-result": "",
      "workspace-fix-file": "",
      "workspace-fix-result": "",
    }
  : {
      "expect-code": "ORM202",
      anchor: 'back_populates="parents"',
      hover: "parents",
      "hover-expect": "many-to-many",
      "definition-file": "child.py",
      "lens-line": "class Parent(Base)",
      "fix-title": "Convert 'children' to lazy resolvers",
      "fix-result": "resolve_",
      "fix-all-result": "overlaps=",
      "workspace-fix-file": "shop/__init__.py",
      "workspace-fix-result": "from . import",
    };
const option = (name) => args[name] ?? defaults[name];
const scenario = args.scenario ?? "features";
if (!["features", "no-java", "broken-jar", "crash"].includes(scenario)) {
  console.error(`unknown --scenario ${scenario}: features, no-java, broken-jar or crash`);
  process.exit(2);
}
const file = args.file ?? "shop/parent.py";
const expectCode = option("expect-code");
const anchor = option("anchor");
const hoverText = option("hover");
const hoverExpect = option("hover-expect");
const definitionFile = option("definition-file");
const lensLine = option("lens-line");
const fixTitle = option("fix-title");
const fixResult = option("fix-result");
const fixAllResult = option("fix-all-result");
const workspaceFixFile = option("workspace-fix-file");
const workspaceFixResult = option("workspace-fix-result");
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
const realJavaHome = args["fake-server"] ? path.join(here, "fake-server", "java-home") : path.resolve(args["java-home"] ?? defaultJavaHome());
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ormlens-e2e-run-"));

/**
 * A Java home whose `java` answers `-version` truly but kills the server
 * CRASH_AFTER seconds after each start: a server that crashes while running.
 */
function crashingJavaHome() {
  const home = path.join(scratch, "crashing-java-home");
  fs.mkdirSync(path.join(home, "bin"), { recursive: true });
  const java = path.join(home, "bin", "java");
  fs.writeFileSync(
    java,
    `#!/bin/sh
case " $* " in *" -version "*) exec "${path.join(realJavaHome, "bin", "java")}" "$@";; esac
# A background job's stdin would be /dev/null: hand it the real one through fd 3.
exec 3<&0
"${path.join(realJavaHome, "bin", "java")}" "$@" <&3 3<&- &
pid=$!
(sleep ${process.env.ORMLENS_E2E_CRASH_AFTER ?? 6}; kill -9 $pid) >/dev/null 2>&1 </dev/null &
wait $pid
exit 137
`,
  );
  fs.chmodSync(java, 0o755);
  return home;
}
const javaHome =
  scenario === "no-java" ? path.join(scratch, "no-such-jdk") : scenario === "crash" ? crashingJavaHome() : realJavaHome;
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
if (scenario === "broken-jar") {
  // A download cut short: the jar's first bytes (so it still looks like a jar) and nothing more.
  const [installedDir] = fs.readdirSync(extensions).filter((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
  const jar = path.join(extensions, installedDir, "server", "ormlens.jar");
  fs.writeFileSync(jar, fs.readFileSync(jar).subarray(0, 64 * 1024));
  log(`truncated ${jar} to 64 KiB`);
}

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

/** The "ORM Lens" output channel as the extension host wrote it to disk ("" until it exists). */
function outputChannelLog() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith("ORM Lens.log")) found.push(full);
    }
  };
  walk(path.join(userData, "logs"));
  return found.map((f) => fs.readFileSync(f, "utf8")).join("\n");
}

const serverStarts = () => (outputChannelLog().match(/The server process \d+ started/g) ?? []).length;

/** The visible notification toasts that mention ORM Lens. */
function ormlensToasts() {
  return page.locator(".notifications-toasts .notification-toast", { hasText: "ORM Lens" });
}

async function waitUntil(what, predicate, ms = timeout) {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(250);
  }
}

function webview() {
  return page.frameLocator("iframe.webview.ready").last().frameLocator("#active-frame");
}

async function featureSteps() {
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
    // Room for the hover: the panel would cover the lower half of the editor.
    await runCommand("View: Hide Panel");
    await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
    const hover = page.locator(".monaco-hover:not(.hidden)", { hasText: hoverExpect }).first();
    // Hover again if the first one came before the server had indexed. The text is located afresh
    // each time: code lenses arriving late push the lines down. Every other attempt uses the
    // keyboard (Ctrl+K Ctrl+I, Show Hover) at the caret instead of the mouse.
    for (let attempt = 0; ; attempt++) {
      const at = await locateInEditor(anchor, hoverText);
      if (attempt % 2 === 0) {
        await page.mouse.move(at.x - 30, at.y - 40);
        await page.mouse.move(at.x, at.y, { steps: 5 });
      } else {
        await page.mouse.click(at.x, at.y);
        await page.keyboard.press("Control+K");
        await page.keyboard.press("Control+I");
      }
      try {
        await hover.waitFor({ state: "visible", timeout: 5000 });
        break;
      } catch (error) {
        if (attempt >= Math.ceil(timeout / 5000)) throw error;
      }
    }
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

  if (lensLine) await step("code-lens", async () => {
    await openFile(file);
    // The lens sits in the view zone just above the line it counts.
    const lens = page
      .locator(".editor-group-container.active .monaco-editor .codelens-decoration a", { hasText: /\d+ references?/ })
      .first();
    await lens.waitFor({ timeout });
    const lensAt = await lens.boundingBox();
    const lineAt = await locateInEditor(lensLine, lensLine.slice(0, 1));
    if (!lensAt || Math.abs(lensAt.y - lineAt.y) > 40) throw new Error(`no references lens right above ${JSON.stringify(lensLine)}`);
    const title = (await lens.textContent()).trim();
    await lens.click();
    // ormlens.showReferences -> editor.action.showReferences: the peek view lists them.
    const peek = page.locator(".peekview-widget .ref-tree .monaco-list-row").first();
    await peek.waitFor({ state: "visible", timeout: 15000 });
    const rows = await page.locator(".peekview-widget .ref-tree .monaco-list-row").count();
    return `"${title}" opened the references peek (${rows} rows)`;
  });

  await step("quick-fix-menu", async () => {
    await page.keyboard.press("Escape");
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
    await waitUntil(`the file to contain ${JSON.stringify(fixResult)}`, async () => (await editorText()).includes(fixResult));
    return `file now contains ${fixResult}`;
  });

  if (fixAllResult) {
    await step("fix-all-in-file", async () => {
      const before = await editorText();
      if (before.includes(fixAllResult)) throw new Error(`the file already contains ${JSON.stringify(fixAllResult)}`);
      await runCommand("ORM Lens: Fix All in File");
      await waitUntil(`the file to contain ${JSON.stringify(fixAllResult)}`, async () => (await editorText()).includes(fixAllResult));
      return `file now contains ${fixAllResult}`;
    });
  }

  if (workspaceFixFile) {
    await step("fix-all-in-workspace", async () => {
      await runCommand("ORM Lens: Fix All in Workspace");
      const toast = ormlensToasts().filter({ hasText: /fixed problems in \d+ files?|nothing to fix/ }).first();
      await toast.waitFor({ timeout });
      const said = (await toast.locator(".notification-list-item-message").first().textContent()).trim();
      await openFile(workspaceFixFile);
      await waitUntil(`${workspaceFixFile} to contain ${JSON.stringify(workspaceFixResult)}`, async () =>
        (await editorText()).includes(workspaceFixResult),
      );
      return `${said.slice(0, 80)}; ${workspaceFixFile} now contains ${workspaceFixResult}`;
    });
  }

  await step("er-diagram", async () => {
    await openFile(file);
    await runCommand("ORM Lens: Show Entity-Relationship Diagram");
    const entity = webview().locator("g.entity").first();
    await entity.waitFor({ timeout });
    const count = await webview().locator("g.entity").count();
    const title = (await webview().locator("header h1").textContent()).trim();
    return `${count} entities drawn; ${title}`;
  });

  await step("er-diagram-current-file", async () => {
    await webview().locator("select#scope").selectOption("file");
    const subtitle = webview().locator("header .subtitle", { hasText: "around" });
    await subtitle.waitFor({ timeout });
    await webview().locator("g.entity").first().waitFor({ timeout });
    const count = await webview().locator("g.entity").count();
    return `${count} entities ${(await subtitle.textContent()).trim()}`;
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
}

/** One failure mode: a clear message once, and a bounded number of server starts. */
async function failureSteps() {
  const expected = {
    "no-java": { text: "the Java in ormlens.java.home is not usable", button: "Open Setting", starts: 0 },
    "broken-jar": { text: "the server did not start", button: "Show Log", starts: 1 },
    // The first start and three restarts, then it gives up.
    crash: { text: "stopped unexpectedly 4 times", button: "Restart Server", starts: 4 },
  }[scenario];

  await step(`${scenario}-message`, async () => {
    await openFile(file);
    const toast = ormlensToasts().filter({ hasText: expected.text }).first();
    await toast.waitFor({ timeout: scenario === "crash" ? 4 * timeout : timeout });
    await toast.locator(".monaco-button", { hasText: expected.button }).first().waitFor();
    return (await toast.textContent()).trim().slice(0, 200);
  });

  await step(`${scenario}-no-restart-loop`, async () => {
    // Opening more model files and waiting must not start the server again nor repeat the message.
    await openFile(definitionFile.includes("/") ? definitionFile : `shop/${definitionFile}`);
    await page.waitForTimeout(15000);
    const starts = serverStarts();
    const toasts = await ormlensToasts().count();
    if (starts !== expected.starts) throw new Error(`the server was started ${starts} times, expected ${expected.starts}`);
    if (toasts !== 1) throw new Error(`${toasts} ORM Lens notifications, expected exactly 1`);
    const status = (await page.locator(".statusbar-item", { hasText: "ORM Lens" }).first().textContent()).trim();
    return `${starts} server start(s), 1 notification, status bar "${status}"`;
  });

  await step(`${scenario}-button`, async () => {
    const toast = ormlensToasts().filter({ hasText: expected.text }).first();
    await toast.locator(".monaco-button", { hasText: expected.button }).first().click();
    if (expected.button === "Open Setting") {
      await page.locator(".settings-editor .setting-item-contents", { hasText: /Ormlens › Java: Home/ }).first().waitFor({ timeout: 15000 });
      return "the settings editor shows ormlens.java.home";
    }
    if (expected.button === "Show Log") {
      await page.locator(".panel .monaco-editor .view-line", { hasText: "ORM Lens" }).first().waitFor({ timeout: 15000 });
      return "the ORM Lens output is shown";
    }
    await waitUntil("a fresh start after Restart Server", async () => serverStarts() > expected.starts, 30000);
    return `restarted on request (${serverStarts()} starts in all)`;
  });
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
    viewport: { width: 1280, height: 800 },
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


  if (scenario === "features") await featureSteps();
  else await failureSteps();

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
