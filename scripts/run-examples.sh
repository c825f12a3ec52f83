#!/usr/bin/env bash
# Builds ORM Lens and runs `ormlens check` on every bundled example. Needs only Java 17 and Maven.
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package || exit 2
for example in examples/*/; do
  [ -d "$example" ] || continue
  echo "== ${example%/}"
  java -jar server/lsp/target/ormlens.jar check "$example"
  echo
done
