#!/usr/bin/env python3
"""Differential test: ORM Lens against SQLAlchemy on generated cases (stdlib only).

    python3 bench/differential.py --ormlens "java -jar server/lsp/target/ormlens.jar" CASES_DIR [--json OUT]

For every directory under CASES_DIR holding a case.json (bench/generate.py), runs
``<ormlens> check CASE --format json`` and the oracle with every installed
SQLAlchemy version. The oracle decides, per version, whether the case's label holds
(bench/label_check.py's rules); a case whose label does not hold in a version is
left out of that version's score and listed. Then, per diagnostic code and version:
cases, hits, misses, false alarms, precision and recall.

An expected diagnostic is hit when ORM Lens reports its code at its path and line
(or at one of its ``also`` locations). Any other diagnostic is a false alarm.
Exit 1 when, on error-severity diagnostics, recall < 0.95 or precision < 0.99 for
any version; exit 2 when nothing could be compared.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterable

MIN_RECALL = 0.95
MIN_PRECISION = 0.99


# ---------------------------------------------------------------------------
# Reading ORM Lens output


def parse_ormlens(stdout: str) -> tuple[list[dict[str, Any]], str | None]:
    """The diagnostics from `ormlens check --format json` output, and a problem
    description when the output is not the contract's shape (then no diagnostics)."""
    text = stdout.strip()
    if not text:
        return [], "no output"
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # Tolerate log lines before the JSON object: take the last line that parses.
        for line in reversed(text.splitlines()):
            try:
                data = json.loads(line)
                break
            except json.JSONDecodeError:
                continue
        else:
            return [], "output is not JSON"
    if not isinstance(data, dict) or not isinstance(data.get("diagnostics"), list):
        return [], "no 'diagnostics' list"
    diagnostics = []
    for d in data["diagnostics"]:
        if not isinstance(d, dict) or not isinstance(d.get("code"), str):
            continue
        try:
            line = int(d.get("line"))
        except (TypeError, ValueError):
            line = -1
        diagnostics.append({
            "code": d["code"],
            "path": normalise_path(str(d.get("path", ""))),
            "line": line,
            "severity": str(d.get("severity", "error")).lower(),
            "message": str(d.get("message", "")),
        })
    return diagnostics, None


def normalise_path(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


# ---------------------------------------------------------------------------
# Comparing one case


def locations(expected: dict[str, Any]) -> set[tuple[str, int]]:
    places = [expected] + list(expected.get("also", []))
    return {(normalise_path(p["path"]), int(p["line"])) for p in places}


def compare(case: dict[str, Any], diagnostics: list[dict[str, Any]]) -> dict[str, Any]:
    """Hits, misses and false alarms of one case."""
    expected = case.get("expected", [])
    used: set[int] = set()
    hits, misses = [], []
    for exp in expected:
        where = locations(exp)
        matched = [i for i, d in enumerate(diagnostics)
                   if d["code"] == exp["code"] and (normalise_path(d["path"]), d["line"]) in where]
        if matched:
            hits.append(exp)
            used.update(matched)
        else:
            misses.append(exp)
    false_alarms = [d for i, d in enumerate(diagnostics) if i not in used]
    return {"hits": hits, "misses": misses, "false_alarms": false_alarms}


def score(results: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Per code and overall on errors: cases, hits, misses, false alarms, precision, recall.
    Each result is {"case": case, "comparison": compare(...)}."""
    per_code: dict[str, dict[str, Any]] = defaultdict(lambda: {"cases": 0, "hits": 0, "misses": 0, "false_alarms": 0})
    errors = {"hits": 0, "misses": 0, "false_alarms": 0}
    for r in results:
        case, comp = r["case"], r["comparison"]
        for code in {e["code"] for e in case.get("expected", [])}:
            per_code[code]["cases"] += 1
        for exp in comp["hits"]:
            per_code[exp["code"]]["hits"] += 1
            if exp.get("severity", "error") == "error":
                errors["hits"] += 1
        for exp in comp["misses"]:
            per_code[exp["code"]]["misses"] += 1
            if exp.get("severity", "error") == "error":
                errors["misses"] += 1
        for d in comp["false_alarms"]:
            per_code[d["code"]]["false_alarms"] += 1
            if d["severity"] == "error":
                errors["false_alarms"] += 1
    for row in list(per_code.values()) + [errors]:
        tp, fn, fp = row["hits"], row["misses"], row["false_alarms"]
        row["precision"] = tp / (tp + fp) if tp + fp else 1.0
        row["recall"] = tp / (tp + fn) if tp + fn else 1.0
    return {"codes": dict(sorted(per_code.items())), "errors": errors}


def gate(scores: dict[str, dict[str, Any]]) -> list[str]:
    """Why the run fails (empty when it passes): thresholds on error diagnostics per version."""
    failures = []
    for version, s in scores.items():
        e = s["errors"]
        if e["recall"] < MIN_RECALL:
            failures.append(f"SQLAlchemy {version}: error recall {e['recall']:.3f} < {MIN_RECALL}")
        if e["precision"] < MIN_PRECISION:
            failures.append(f"SQLAlchemy {version}: error precision {e['precision']:.3f} < {MIN_PRECISION}")
    return failures


# ---------------------------------------------------------------------------
# Running


def run_ormlens(command: str, case_dir: Path, timeout: float = 300.0) -> tuple[list[dict[str, Any]], str | None]:
    cmd = shlex.split(command) + ["check", str(case_dir), "--format", "json"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [], f"could not run ormlens: {exc}"
    diagnostics, problem = parse_ormlens(proc.stdout)
    if problem:
        return [], f"{problem} (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
    return diagnostics, None


def print_table(scores: dict[str, dict[str, Any]], out=sys.stdout) -> None:
    for version, s in scores.items():
        print(f"SQLAlchemy {version}", file=out)
        print(f"  {'code':8} {'cases':>6} {'hits':>6} {'misses':>7} {'false':>6} {'precision':>10} {'recall':>7}", file=out)
        for code, row in s["codes"].items():
            print(f"  {code:8} {row['cases']:>6} {row['hits']:>6} {row['misses']:>7} {row['false_alarms']:>6} "
                  f"{row['precision']:>10.3f} {row['recall']:>7.3f}", file=out)
        e = s["errors"]
        print(f"  {'errors':8} {'':>6} {e['hits']:>6} {e['misses']:>7} {e['false_alarms']:>6} "
              f"{e['precision']:>10.3f} {e['recall']:>7.3f}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", type=Path, help="directory of generated cases (each with case.json)")
    parser.add_argument("--ormlens", required=True, help='command that runs ORM Lens, e.g. "java -jar ormlens.jar"')
    parser.add_argument("--json", type=Path, help="write the full results here")
    parser.add_argument("--no-oracle", action="store_true", help="trust the labels; do not run SQLAlchemy")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    case_dirs = sorted(p.parent for p in args.cases.rglob("case.json"))
    if not case_dirs:
        print(f"differential: no case.json under {args.cases}", file=sys.stderr)
        return 2
    cases = [json.loads((d / "case.json").read_text(encoding="utf-8")) for d in case_dirs]
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        ormlens = list(pool.map(lambda d: run_ormlens(args.ormlens, d), case_dirs))

    label_holds: dict[str, list[bool]] = {}
    if args.no_oracle:
        label_holds["labels"] = [True] * len(cases)
    else:
        import label_check
        from oraclerun import OracleJob, available_flavours, run_many

        flavours = available_flavours()
        if not flavours:
            print("differential: no venv; run bash bench/setup-venvs.sh, or pass --no-oracle", file=sys.stderr)
            return 2
        jobs = [OracleJob(str(d / c["root"]), tuple(c["entries"]), f) for f in flavours for d, c in zip(case_dirs, cases)]
        reports = run_many(jobs, workers=args.workers)
        for k, f in enumerate(flavours):
            chunk = reports[k * len(cases):(k + 1) * len(cases)]
            version = chunk[0]["sqlalchemy"] if chunk else f
            label_holds[version] = [not label_check.check(d, c, r) for d, c, r in zip(case_dirs, cases, chunk)]

    scores, details = {}, []
    for version, holds in label_holds.items():
        results = []
        for d, c, (diags, problem), ok in zip(case_dirs, cases, ormlens, holds):
            comp = compare(c, diags)
            details.append({"case": str(d), "version": version, "label_holds": ok, "ormlens_problem": problem,
                            "misses": comp["misses"], "false_alarms": comp["false_alarms"]})
            if ok:
                results.append({"case": c, "comparison": comp})
        scores[version] = score(results)
    for item in details:
        if item["ormlens_problem"]:
            print(f"ormlens failed on {item['case']}: {item['ormlens_problem']}", file=sys.stderr)
        if not item["label_holds"]:
            print(f"label does not hold with SQLAlchemy {item['version']}: {item['case']} (left out)", file=sys.stderr)
    print_table(scores)
    failures = gate(scores)
    for f in failures:
        print(f"differential: FAIL {f}")
    if args.json:
        args.json.write_text(json.dumps({"scores": scores, "cases": details, "failures": failures}, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
