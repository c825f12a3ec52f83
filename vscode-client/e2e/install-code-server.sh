#!/usr/bin/env bash
# Installs code-server from the npm registry into a throwaway directory, with
# no downloads from outside the package registries:
#   - Debian packages for the native modules' headers, ripgrep and chromium;
#   - @vscode/ripgrep's postinstall would fetch a prebuilt rg from the internet,
#     so its download cache is seeded with a tarball holding Debian's /usr/bin/rg.
#
# Usage: e2e/install-code-server.sh [DIR]   (default /tmp/ormlens-e2e/code-server)
# Prints the path of the code-server entry point on its last line.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
DIR="${1:-/tmp/ormlens-e2e/code-server}"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

log() { echo "[install-code-server] $*" >&2; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  log "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $(node --version)"
  exit 1
fi

if [ -x "$(command -v node)" ] && [ -f "$ENTRY" ] \
   && [ -e "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  log "already installed in $DIR"
  echo "$ENTRY"
  exit 0
fi

need_apt=()
for pkg in libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium build-essential python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"ormlens-e2e-code-server","private":true}' > package.json

# Seed @vscode/ripgrep's download cache. Its version comes from code-server's
# shrinkwrap; the rg release it wants is the VERSION constant of its postinstall.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null && tar xzf code-server-*.tgz)
rg_pkg_version="$(node -e '
  const s = require(process.argv[1]);
  console.log(s.packages["node_modules/@vscode/ripgrep"].version);
' "$work/package/lib/vscode/npm-shrinkwrap.json")"
(cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_pkg_version" >/dev/null && mkdir rg && tar xzf vscode-ripgrep-*.tgz -C rg)
rg_release="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/rg/package/lib/postinstall.js")"
case "$(uname -m)" in
  x86_64) rg_target="x86_64-unknown-linux-musl" ;;
  aarch64) rg_target="aarch64-unknown-linux-musl" ;;
  *) log "unsupported architecture $(uname -m)"; exit 1 ;;
esac
tmp_root="${TMPDIR:-/tmp}"
cache="$tmp_root/vscode-ripgrep-cache-$rg_pkg_version"
mkdir -p "$cache" "$work/rgbin"
cp /usr/bin/rg "$work/rgbin/rg"
tar czf "$cache/ripgrep-$rg_release-$rg_target.tar.gz" -C "$work/rgbin" rg
log "seeded $cache/ripgrep-$rg_release-$rg_target.tar.gz with Debian's rg"

# npm_config_yes lets node-gyp's npx-style prompt pass without a terminal;
# --unsafe-perm is what code-server's postinstall asks for when run as root.
log "npm install code-server@$CODE_SERVER_VERSION (builds native modules; takes a few minutes)"
npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
  "code-server@$CODE_SERVER_VERSION" >&2

if [ ! -f "$ENTRY" ]; then
  log "code-server entry point missing after install: $ENTRY"
  exit 1
fi
# npm may skip dependency install scripts (allowScripts); without them there
# are no native modules and no rg, and code-server fails later in obscure ways.
vscode_modules="$DIR/node_modules/code-server/lib/vscode/node_modules"
for built in "$vscode_modules/node-pty/build/Release/pty.node" "$vscode_modules/@vscode/ripgrep/bin/rg"; do
  if [ ! -e "$built" ]; then
    log "missing $built: code-server's postinstall did not run or failed (see the npm output above)"
    exit 1
  fi
done
log "installed: $(node "$ENTRY" --version | head -1)"
echo "$ENTRY"
