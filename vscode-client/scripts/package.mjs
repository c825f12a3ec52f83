// Builds ormlens-<version>.vsix: the bundled extension plus the server jar.
// The jar comes from ../server/lsp/target/ormlens.jar (built by `mvn -q package`
// at the repository root); ORMLENS_JAR=<path> overrides it, for tests only.
// README.md shows screenshots from ../docs/screenshots. The marketplace needs
// them at absolute URLs: ORMLENS_BASE_URL=<url of this folder when published>
// keeps them and its relative links; without it the packaged README leaves the
// images out and turns relative links into plain text (vsce refuses relative
// links when it cannot guess the repository).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repoJar = path.resolve(here, "..", "server", "lsp", "target", "ormlens.jar");
const jar = process.env.ORMLENS_JAR ? path.resolve(process.env.ORMLENS_JAR) : repoJar;

if (!fs.existsSync(jar)) {
  console.error(`error: the server jar ${jar} does not exist.`);
  console.error("Build it first: run `mvn -q package` at the repository root, then `npm run package` again.");
  process.exit(1);
}
const header = Buffer.alloc(4);
const fd = fs.openSync(jar, "r");
fs.readSync(fd, header, 0, 4, 0);
fs.closeSync(fd);
if (!header.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
  console.error(`error: ${jar} is not a jar file. Rebuild it with \`mvn -q package\` at the repository root.`);
  process.exit(1);
}

fs.mkdirSync(path.join(here, "server"), { recursive: true });
fs.copyFileSync(jar, path.join(here, "server", "ormlens.jar"));
console.log(`copied ${jar} -> server/ormlens.jar (${(fs.statSync(jar).size / 1024 / 1024).toFixed(1)} MiB)`);

const { version, name } = JSON.parse(fs.readFileSync(path.join(here, "package.json"), "utf8"));
const out = `${name}-${version}.vsix`;
// The extension is bundled by esbuild (vscode:prepublish), so node_modules stays out.
const vsce = path.join(here, "node_modules", "@vscode", "vsce", "vsce");
const vsceArgs = [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", out];
const baseUrl = process.env.ORMLENS_BASE_URL;
const readme = fs.readFileSync(path.join(here, "README.md"), "utf8");
let packagedReadme = readme;
if (baseUrl) {
  vsceArgs.push("--baseContentUrl", baseUrl, "--baseImagesUrl", baseUrl);
} else {
  packagedReadme = readme
    .replace(/^!\[[^\]]*\]\((?!https?:)[^)]*\)[ \t]*\n/gm, "")
    .replace(/\[([^\]]*)\]\((?!https?:|#)[^)]*\)/g, "$1")
    .replace(/\n{3,}/g, "\n\n");
  if (packagedReadme !== readme) {
    console.log("note: the packaged README leaves out the screenshots and relative links; set ORMLENS_BASE_URL to keep them.");
  }
}
// .vscodeignore leaves README.md out; this copy is the one packaged.
fs.mkdirSync(path.join(here, "out"), { recursive: true });
fs.writeFileSync(path.join(here, "out", "README.md"), packagedReadme);
vsceArgs.push("--readme-path", path.join("out", "README.md"));
execFileSync(process.execPath, vsceArgs, { cwd: here, stdio: "inherit" });
const vsixSize = fs.statSync(path.join(here, out)).size;
const jarSize = fs.statSync(jar).size;
console.log(
  `built ${path.join(here, out)}: ${(vsixSize / 1024).toFixed(0)} KiB (the server jar inside is ${(jarSize / 1024).toFixed(0)} KiB)`,
);
