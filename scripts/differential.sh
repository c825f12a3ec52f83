#!/usr/bin/env bash
# ORM Lens against SQLAlchemy itself on generated model packages (bench/differential.py):
# prints the table (cases, misses, false alarms, precision and recall per code and per
# SQLAlchemy version) and writes it as JSON to build/differential/<sample>.json.
# Exit 1 below recall 0.95 or precision 0.99 on error diagnostics, or when SQLAlchemy
# contradicts a generated label; 2 when it cannot run.
#
#   scripts/differential.sh            # the CI sample: 458 cases x SQLAlchemy 2.0 and 2.1
#   scripts/differential.sh --full     # the larger set: 2,763 cases, models 8 to 48 (~16 min on 2 cores)
#   scripts/differential.sh --cache    # reuse SQLAlchemy's reports for unchanged cases
#                                      # (build/oracle-cache); CI runs cold
#
# Needs Java 17, Maven (to build the jar when it is missing) and the venvs of
# bench/setup-venvs.sh (made here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

sample=ci
args=()
for arg in "$@"; do
  case "$arg" in
    --full) sample=full ;;
    --cache) args+=(--oracle-cache build/oracle-cache) ;;
    *) echo "usage: scripts/differential.sh [--full] [--cache]" >&2; exit 2 ;;
  esac
done

bash bench/setup-venvs.sh >&2
jar=server/lsp/target/ormlens.jar
if [ ! -f "$jar" ]; then
  echo "== building $jar" >&2
  mvn -B -q -DskipTests package >&2 || exit 2
fi
python3 bench/differential.py --sample "$sample" --ormlens "java -jar $jar" \
  --json "build/differential/$sample.json" "${args[@]}"
