#!/usr/bin/env bash
# The performance benchmark: one command.
#
#   scripts/bench.sh [--sizes 100,1000,10000] [--quick] [--jmh] [lsp_bench.py options...]
#
# Builds the server jar, generates workspaces (bench/generate.py: N models, 3N other modules),
# drives `java -jar server/lsp/target/ormlens.jar lsp` over stdio (cold index, warm start from the
# index cache, didChange->publishDiagnostics, definition/hover/completion, peak RSS and heap), runs
# sqlalchemy-lsp and pyright on the same trees when present, and writes build/bench/results.json.
# --jmh also runs the JMH micro-benchmarks (server/bench) into build/bench/jmh.json.
# --quick (used by scripts/test-all.sh) checks that all of it runs: 100 models, few iterations.
set -euo pipefail
cd "$(dirname "$0")/.."
jmh=0
args=()
for a in "$@"; do
  case "$a" in
    --jmh) jmh=1 ;;
    *) args+=("$a") ;;
  esac
done
if [ ! -f server/lsp/target/ormlens.jar ] || [ "${ORMLENS_BENCH_REBUILD:-1}" = 1 ]; then
  mvn -B -q package -DskipTests >&2
fi
python3 bench/lsp_bench.py "${args[@]+"${args[@]}"}"
if [ "$jmh" = 1 ]; then
  mkdir -p build/bench
  java -jar server/bench/target/ormlens-bench.jar -rf json -rff build/bench/jmh.json \
    -jvmArgsAppend "-Dormlens.repo=$PWD"
fi
