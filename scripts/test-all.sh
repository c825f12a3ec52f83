#!/usr/bin/env bash
# Installs what the tests need and runs them all: the Java suite (with every diagnostics fixture
# checked against real SQLAlchemy), the Python bench tests, and the VS Code extension's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x bench/setup-venvs.sh ]; then
  bench/setup-venvs.sh
  oracle=required
else
  oracle=optional
fi
mvn -B -q -Dormlens.oracle="$oracle" verify

# The VS Code extension: its own logic's unit tests and type checks (no VS Code needed).
(cd vscode-client && npm ci --no-audit --no-fund --loglevel=error && npm run --silent lint && npm test)
