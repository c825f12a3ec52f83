#!/usr/bin/env bash
# The editor end-to-end test, from a fresh Debian machine: installs what it needs (Debian packages,
# code-server from the npm registry into a throwaway directory), builds the server jar and the .vsix,
# then drives the packaged extension in code-server with Playwright and Chromium:
#   - the features, on examples/type_checking_split with the real server (16 steps);
#   - the failure modes: no Java, a broken jar, a server that keeps crashing (4 steps each).
# Screenshots (PNG, 1280x800, optimised with pngquant) go to SHOTS_DIR; the failure modes' into
# SHOTS_DIR/<scenario>/. Not part of scripts/test-all.sh: it takes minutes and a browser.
#
# Usage: scripts/e2e-vscode.sh [SHOTS_DIR]     (default build/e2e-vscode)
# Needs Node 20 with npm (code-server 4.100.3 accepts no other). Root or sudo for apt-get.
# ORMLENS_CODE_SERVER_DIR=DIR reuses a code-server installed there by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
started=$SECONDS
SHOTS="$(mkdir -p "${1:-build/e2e-vscode}" && cd "${1:-build/e2e-vscode}" && pwd)"
say() { echo "== [$((SECONDS - started))s] $*"; }

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [ "$node_major" != "20" ]; then
  echo "error: Node 20 is needed (code-server 4.100.3 and @vscode/vsce 3.9.2 run on it); found: $node_major" >&2
  exit 2
fi

say "Debian packages"
need=()
for pkg in openjdk-17-jdk-headless maven chromium fonts-ipafont-gothic fonts-noto-color-emoji pngquant \
           libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

throwaway="$(mktemp -d "${TMPDIR:-/tmp}/ormlens-e2e-vscode-XXXXXX")"
trap 'rm -rf "$throwaway"' EXIT
code_server_dir="${ORMLENS_CODE_SERVER_DIR:-$throwaway/code-server}"
say "code-server into $code_server_dir"
entry="$(bash vscode-client/e2e/install-code-server.sh "$code_server_dir" | tail -1)"

say "server jar (mvn package)"
mvn -B -q package -DskipTests
say "extension (npm ci, npm run package)"
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent package)
(cd vscode-client/e2e && npm ci --no-audit --no-fund --loglevel=error)
vsix="$(ls vscode-client/ormlens-*.vsix)"
vsix_kib=$(( $(stat -c %s "$vsix") / 1024 ))
jar_kib=$(( $(stat -c %s server/lsp/target/ormlens.jar) / 1024 ))

failed=0
run() {
  local scenario="$1" out="$2"
  say "e2e: $scenario"
  rm -rf "$out" && mkdir -p "$out"
  (cd vscode-client && node e2e/run-e2e.mjs --code-server "$entry" --workspace "$repo/examples/type_checking_split" \
     --shots "$out" --scenario "$scenario") || failed=1
}
run features "$SHOTS"
for scenario in no-java broken-jar crash; do
  run "$scenario" "$SHOTS/$scenario"
done

if command -v pngquant >/dev/null; then
  find "$SHOTS" -name '*.png' -exec pngquant --force --skip-if-larger --quality=70-90 --strip --ext .png {} +
fi

say "summary"
node -e '
  const fs = require("fs"), path = require("path");
  for (const dir of process.argv.slice(1)) {
    const results = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
    const passed = results.filter((r) => r.ok).length;
    const seconds = results.reduce((s, r) => s + r.ms, 0) / 1000;
    console.log(`${path.basename(dir).padEnd(14)} ${passed}/${results.length} steps passed (${seconds.toFixed(0)} s in steps)`);
    for (const r of results.filter((r) => !r.ok)) console.log(`  FAILED ${r.name}: ${r.detail}`);
  }
' "$SHOTS" "$SHOTS/no-java" "$SHOTS/broken-jar" "$SHOTS/crash"
echo "vsix: $vsix ($vsix_kib KiB, holding the $jar_kib KiB server jar)"
echo "screenshots: $SHOTS"
echo "total: $((SECONDS - started)) s"
exit "$failed"
