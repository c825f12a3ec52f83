import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildLaunchCommand, bundledJarPath, checkJar, checkJarHeader, OutputTail, startFailureMessage } from "../src/logic/launch";

test("the server is launched as <java> -XX:+UseSerialGC -Xss4m -jar <jar> lsp", () => {
  const launch = buildLaunchCommand("/usr/lib/jvm/java-17/bin/java", "/ext/server/ormlens.jar");
  assert.equal(launch.command, "/usr/lib/jvm/java-17/bin/java");
  assert.deepEqual(launch.args, ["-XX:+UseSerialGC", "-Xss4m", "-jar", "/ext/server/ormlens.jar", "lsp"]);
});

test("relative paths are refused: the extension host's PATH and cwd are not the user's", () => {
  assert.throws(() => buildLaunchCommand("java", "/ext/server/ormlens.jar"), /absolute/);
  assert.throws(() => buildLaunchCommand("/usr/bin/java", "server/ormlens.jar"), /absolute/);
});

test("the jar is server/ormlens.jar inside the extension", () => {
  assert.equal(bundledJarPath("/home/u/.vscode/extensions/ormlens-0.1.0"), "/home/u/.vscode/extensions/ormlens-0.1.0/server/ormlens.jar");
});

test("a missing or damaged jar gets a message saying so", () => {
  const missing = checkJarHeader("/x/ormlens.jar", undefined);
  assert.ok(!missing.ok && /missing/.test(missing.message));
  const html = checkJarHeader("/x/ormlens.jar", new TextEncoder().encode("<htm"));
  assert.ok(!html.ok && /damaged/.test(html.message));
  const empty = checkJarHeader("/x/ormlens.jar", new Uint8Array());
  assert.ok(!empty.ok && /damaged/.test(empty.message));
  assert.deepEqual(checkJarHeader("/x/ormlens.jar", Uint8Array.from([0x50, 0x4b, 0x03, 0x04])), { ok: true });
});

test("checkJar reads the file's first bytes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ormlens-jar-"));
  try {
    const good = path.join(dir, "good.jar");
    fs.writeFileSync(good, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const bad = path.join(dir, "bad.jar");
    fs.writeFileSync(bad, "not a zip");
    assert.deepEqual(checkJar(good), { ok: true });
    assert.equal(checkJar(bad).ok, false);
    assert.equal(checkJar(path.join(dir, "absent.jar")).ok, false);
    assert.equal(checkJar(dir).ok, false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the output tail keeps the last non-empty lines, across chunk boundaries", () => {
  const tail = new OutputTail(3);
  tail.append("one\ntw");
  tail.append("o\n\nthree\nfour\nfi");
  assert.deepEqual(tail.last(10), ["two", "three", "four", "fi"].slice(-4));
  assert.deepEqual(tail.last(2), ["four", "fi"]);
});

test("a start failure quotes the exit and the last words", () => {
  assert.equal(
    startFailureMessage({ code: 1, signal: null }, ["Error: Invalid or corrupt jarfile /x/ormlens.jar"], "?"),
    'ORM Lens: the server did not start: it exited with code 1. Its last words: "Error: Invalid or corrupt jarfile /x/ormlens.jar". The full log is in the "ORM Lens" output.',
  );
  assert.match(startFailureMessage({ code: null, signal: "SIGKILL" }, [], "?"), /stopped by signal SIGKILL\. The full log/);
  assert.match(startFailureMessage(undefined, [], "connection closed"), /did not start: connection closed\./);
});
