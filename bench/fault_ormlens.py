#!/usr/bin/env python3
"""A deliberately broken ORM Lens, to prove the differential bench can fail (stdlib only).

    python3 bench/fault_ormlens.py --record OUT --jar ormlens.jar  check CASES... --format json
    python3 bench/fault_ormlens.py --replay OUT --fault FAULT      check CASES... --format json

``--record`` runs the real command and keeps its output; ``--replay`` prints that
output with one fault applied, as a broken build would print it:

- ``drop-errors``: every other error diagnostic disappears (a resolver that gives up
  on half the names it should resolve: misses);
- ``unresolved-everywhere``: a bogus ORM101 error on the first line of every case's
  ``pkg/__init__.py`` (a resolver that finds nothing: false alarms on clean code);
- ``none``: the output unchanged.

bench/test_differential.py runs bench/differential.py against each and checks that its
exit status flips from 0 to 1. Nothing here is part of ORM Lens itself.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path


def apply(fault: str, report: dict, cases: list[str]) -> dict:
    diagnostics = report["diagnostics"]
    if fault == "drop-errors":
        errors = [d for d in diagnostics if d.get("severity") == "error"]
        dropped = {id(d) for d in errors[::2]}
        diagnostics = [d for d in diagnostics if id(d) not in dropped]
    elif fault == "unresolved-everywhere":
        diagnostics = diagnostics + [
            {"path": f"{case}/pkg/__init__.py", "code": "ORM101", "severity": "error", "line": 1, "column": 1,
             "message": "could not resolve anything"} for case in cases]
    elif fault != "none":
        raise SystemExit(f"unknown fault {fault}")
    return dict(report, diagnostics=diagnostics)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", type=Path)
    mode.add_argument("--replay", type=Path)
    parser.add_argument("--jar", help="with --record: the real ORM Lens jar")
    parser.add_argument("--fault", default="none")
    args, rest = parser.parse_known_args(argv)
    if args.record:
        proc = subprocess.run(["java", "-jar", args.jar, *rest], capture_output=True, text=True)
        args.record.write_text(proc.stdout, encoding="utf-8")
        sys.stderr.write(proc.stderr)
        sys.stdout.write(proc.stdout)
        return proc.returncode
    cases = [a for a in rest[1:] if not a.startswith("--") and a != "json"]
    report = json.loads(args.replay.read_text(encoding="utf-8"))
    print(json.dumps(apply(args.fault, report, cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
