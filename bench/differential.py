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
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
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
    """Per code, and over all error-severity and warning-severity findings: cases (that
    expect the code), clean (cases that do not, where a report of it is a false alarm),
    hits, misses, false alarms, precision and recall.
    Each result is {"case": case, "comparison": compare(...)}."""
    results = list(results)
    per_code: dict[str, dict[str, Any]] = defaultdict(lambda: {"cases": 0, "clean": 0, "hits": 0, "misses": 0, "false_alarms": 0})
    totals = {sev: {"hits": 0, "misses": 0, "false_alarms": 0} for sev in ("errors", "warnings")}

    def total(severity: str) -> dict[str, int]:
        return totals["errors" if severity == "error" else "warnings"]

    for r in results:
        case, comp = r["case"], r["comparison"]
        for code in {e["code"] for e in case.get("expected", [])}:
            per_code[code]["cases"] += 1
        for exp in comp["hits"]:
            per_code[exp["code"]]["hits"] += 1
            total(exp.get("severity", "error"))["hits"] += 1
        for exp in comp["misses"]:
            per_code[exp["code"]]["misses"] += 1
            total(exp.get("severity", "error"))["misses"] += 1
        for d in comp["false_alarms"]:
            per_code[d["code"]]["false_alarms"] += 1
            total(d["severity"])["false_alarms"] += 1
    for row in per_code.values():
        row["clean"] = len(results) - row["cases"]
    for row in list(per_code.values()) + list(totals.values()):
        tp, fn, fp = row["hits"], row["misses"], row["false_alarms"]
        row["precision"] = tp / (tp + fp) if tp + fp else 1.0
        row["recall"] = tp / (tp + fn) if tp + fn else 1.0
    return {"cases": len(results), "codes": dict(sorted(per_code.items())), **totals}


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
    """One case, one ORM Lens process."""
    return run_ormlens_many(command, [case_dir], workers=1, timeout=timeout)[0]


def run_ormlens_many(command: str, case_dirs: list[Path], workers: int = 2, chunk: int = 200,
                     timeout: float = 600.0) -> list[tuple[list[dict[str, Any]], str | None]]:
    """Every case through `<ormlens> check CASE1 CASE2 ... --format json`, at most `chunk`
    cases per process and `workers` processes at once: a JVM start per case would cost
    more than the analysis. Each case is its own workspace; the command prints one
    diagnostic list whose paths start with the case's directory as given (relative
    to the working directory when under it, else absolute), and each is handed back
    to its case with that prefix removed. Results are in case_dirs' order."""
    if not case_dirs:
        return []
    relative = [_as_given(d) for d in case_dirs]
    groups = [list(range(i, min(i + chunk, len(relative)))) for i in range(0, len(relative), chunk)]
    # Balance the processes: with fewer groups than workers, split the cases evenly.
    if len(groups) < workers and len(relative) > 1:
        size = -(-len(relative) // workers)
        groups = [list(range(i, min(i + size, len(relative)))) for i in range(0, len(relative), size)]
    results: list[tuple[list[dict[str, Any]], str | None]] = [([], None)] * len(relative)

    def run_group(indices: list[int]) -> None:
        cmd = shlex.split(command) + ["check", *(relative[i] for i in indices), "--format", "json"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            for i in indices:
                results[i] = ([], f"could not run ormlens: {exc}")
            return
        diagnostics, problem = parse_ormlens(proc.stdout)
        if problem:
            for i in indices:
                results[i] = ([], f"{problem} (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
            return
        per_case: dict[int, list[dict[str, Any]]] = {i: [] for i in indices}
        for d in diagnostics:
            owner = _owner(d["path"], indices, relative)
            if owner is None:
                for i in indices:
                    results[i] = ([], f"diagnostic outside every case: {d['path']}")
                return
            if d["path"].startswith(relative[owner] + "/"):
                d = dict(d, path=d["path"][len(relative[owner]) + 1:])
            per_case[owner].append(d)
        for i in indices:
            results[i] = (per_case[i], None)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(run_group, groups))
    return results


def _as_given(case_dir: Path) -> str:
    """The case's directory as ORM Lens prints it: relative to the working directory
    when under it, else absolute; normalised, with /."""
    absolute = case_dir.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return absolute.as_posix()


def _owner(path: str, indices: list[int], relative: list[str]) -> int | None:
    """The case a reported path belongs to: the one whose directory prefixes it (a single
    case may also report paths relative to itself)."""
    for i in indices:
        if path.startswith(relative[i] + "/"):
            return i
    return indices[0] if len(indices) == 1 else None


def job_key(job: Any) -> str:
    """What an oracle report depends on: every file under the job's root, its entries,
    the venv's requirements and the oracle's own code."""
    from oraclerun import ORACLE, REPO, venv_python

    h = hashlib.sha256()
    for part in (job.flavour, repr(job.entries), repr(job.roundtrip)):
        h.update(part.encode() + b"\0")
    venv = venv_python(job.flavour).parent.parent
    for extra in (ORACLE, REPO / "bench" / f"requirements-{job.flavour}.txt", venv / ".requirements-stamp"):
        h.update(extra.read_bytes() if extra.exists() else b"-")
    root = Path(job.root)
    for f in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "case.json" and "__pycache__" not in p.parts):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def cached_oracle(jobs: list[Any], cache: Path | None, workers: int) -> list[dict[str, Any]]:
    """run_many, reading and writing reports under `cache` when given."""
    from oraclerun import run_many

    if cache is None:
        return run_many(jobs, workers=workers)
    keys = [job_key(j) for j in jobs]
    reports: list[dict[str, Any] | None] = []
    for k in keys:
        f = cache / f"{k}.json"
        reports.append(json.loads(f.read_text(encoding="utf-8")) if f.exists() else None)
    todo = [i for i, r in enumerate(reports) if r is None]
    if todo:
        cache.mkdir(parents=True, exist_ok=True)
        for i, report in zip(todo, run_many([jobs[i] for i in todo], workers=workers)):
            reports[i] = report
            (cache / f"{keys[i]}.json").write_text(json.dumps(report), encoding="utf-8")
    print(f"differential: oracle ran {len(todo)} of {len(jobs)} jobs ({len(jobs) - len(todo)} cached)", file=sys.stderr)
    return reports  # type: ignore[return-value]


def print_table(scores: dict[str, dict[str, Any]], out=sys.stdout) -> None:
    for version, s in scores.items():
        print(f"SQLAlchemy {version}: {s['cases']} cases", file=out)
        print(f"  {'code':8} {'faulty':>6} {'clean':>6} {'hits':>6} {'misses':>7} {'false':>6} {'precision':>10} {'recall':>7}", file=out)
        for code, row in s["codes"].items():
            print(f"  {code:8} {row['cases']:>6} {row['clean']:>6} {row['hits']:>6} {row['misses']:>7} {row['false_alarms']:>6} "
                  f"{row['precision']:>10.3f} {row['recall']:>7.3f}", file=out)
        for name in ("errors", "warnings"):
            e = s[name]
            print(f"  {name:8} {'':>6} {'':>6} {e['hits']:>6} {e['misses']:>7} {e['false_alarms']:>6} "
                  f"{e['precision']:>10.3f} {e['recall']:>7.3f}", file=out)


# The fixed samples: (seed, models) pairs, each generating every style x mutation kind
# (bench/generate.py's generate_cases). "ci" runs in scripts/test-all.sh: 510 cases,
# every code with at least 12 faulty cases, every style's clean package with noise modules.
SAMPLES = {
    "ci": [(1, 10), (2, 14), (3, 18), (4, 24)],
    "full": [(seed, models) for seed, models in zip(range(1, 25), [8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 48] * 2)],
}


def generate_sample(name: str, out: Path) -> list[Path]:
    import generate

    if out.exists():
        shutil.rmtree(out)
    dirs = []
    for seed, models in SAMPLES[name]:
        dirs += generate.generate_cases(out / f"seed{seed}-models{models}", models, seed)
    return dirs


def default_ormlens() -> str:
    from oraclerun import REPO

    return f"java -jar {shlex.quote(str(REPO / 'server' / 'lsp' / 'target' / 'ormlens.jar'))}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", type=Path, nargs="?", help="directory of generated cases (each with case.json)")
    parser.add_argument("--sample", choices=sorted(SAMPLES),
                        help="generate this fixed sample into CASES (default build/differential/<sample>/cases) first")
    parser.add_argument("--ormlens", default=None,
                        help='command that runs ORM Lens (default: java -jar server/lsp/target/ormlens.jar)')
    parser.add_argument("--json", type=Path, help="write the table and every case's misses and false alarms here")
    parser.add_argument("--no-oracle", action="store_true", help="trust the labels; do not run SQLAlchemy")
    parser.add_argument("--oracle-cache", type=Path,
                        help="keep oracle reports here, keyed by a hash of the case's files, entries, "
                             "SQLAlchemy venv and oracle.py; unchanged cases are not re-run")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    ormlens_cmd = args.ormlens or default_ormlens()
    clock = {"start": time.monotonic()}

    if args.sample:
        from oraclerun import REPO

        args.cases = args.cases or REPO / "build" / "differential" / args.sample / "cases"
        generate_sample(args.sample, args.cases)
    elif args.cases is None:
        parser.error("give a CASES directory or --sample")
    clock["generated"] = time.monotonic()
    case_dirs = sorted(p.parent for p in args.cases.rglob("case.json"))
    if not case_dirs:
        print(f"differential: no case.json under {args.cases}", file=sys.stderr)
        return 2
    cases = [json.loads((d / "case.json").read_text(encoding="utf-8")) for d in case_dirs]
    ormlens = run_ormlens_many(ormlens_cmd, case_dirs, workers=args.workers)
    clock["ormlens"] = time.monotonic()

    label_holds: dict[str, list[bool]] = {}
    if args.no_oracle:
        label_holds["labels"] = [True] * len(cases)
    else:
        import label_check
        from oraclerun import OracleJob, available_flavours

        flavours = available_flavours()
        if not flavours:
            print("differential: no venv; run bash bench/setup-venvs.sh, or pass --no-oracle", file=sys.stderr)
            return 2
        jobs = [OracleJob(str(d / c["root"]), tuple(c["entries"]), f) for f in flavours for d, c in zip(case_dirs, cases)]
        reports = cached_oracle(jobs, args.oracle_cache, workers=args.workers)
        for k, f in enumerate(flavours):
            chunk = reports[k * len(cases):(k + 1) * len(cases)]
            version = chunk[0]["sqlalchemy"] if chunk else f
            label_holds[version] = [not label_check.check(d, c, r) for d, c, r in zip(case_dirs, cases, chunk)]
    clock["oracle"] = time.monotonic()

    scores, details = {}, []
    for version, holds in label_holds.items():
        results = []
        for d, c, (diags, problem), ok in zip(case_dirs, cases, ormlens, holds):
            comp = compare(c, diags)
            details.append({"case": _display(d, args.cases), "style": c.get("style"), "mutation": c.get("mutation"),
                            "version": version, "label_holds": ok, "ormlens_problem": problem,
                            "misses": comp["misses"], "false_alarms": comp["false_alarms"]})
            if ok:
                results.append({"case": c, "comparison": comp})
        scores[version] = score(results)

    failures = gate(scores)
    problems = sorted({item["case"] for item in details if item["ormlens_problem"]})
    contradicted = [item for item in details if not item["label_holds"]]
    if problems:
        failures.append(f"ORM Lens printed no report for {len(problems)} case(s)")
    if contradicted:
        failures.append(f"{len(contradicted)} label(s) contradicted by SQLAlchemy: a generator bug (bench/label_check.py)")
    for item in details:
        if item["ormlens_problem"]:
            print(f"ormlens failed on {item['case']}: {item['ormlens_problem']}", file=sys.stderr)
        if not item["label_holds"]:
            print(f"label does not hold with SQLAlchemy {item['version']}: {item['case']} (left out)", file=sys.stderr)
    first_version = next(iter(label_holds))
    for item in details:
        if item["version"] != first_version:
            continue  # ORM Lens's output does not depend on the version: list each finding once
        for m in item["misses"]:
            print(f"miss        {item['case']}: {m['code']} at {m['path']}:{m['line']}")
        for f in item["false_alarms"]:
            print(f"false alarm {item['case']}: {f['code']} [{f['severity']}] at {f['path']}:{f['line']}: {f['message'][:140]}")
    print_table(scores)
    timings = {
        "generate_s": round(clock["generated"] - clock["start"], 1),
        "ormlens_s": round(clock["ormlens"] - clock["generated"], 1),
        "oracle_s": round(clock["oracle"] - clock["ormlens"], 1),
        "total_s": round(time.monotonic() - clock["start"], 1),
    }
    print(f"{len(case_dirs)} cases; generate {timings['generate_s']} s, ORM Lens {timings['ormlens_s']} s, "
          f"SQLAlchemy {timings['oracle_s']} s, total {timings['total_s']} s")
    for f in failures:
        print(f"differential: FAIL {f}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"sample": args.sample, "cases_total": len(case_dirs), "thresholds": {"recall": MIN_RECALL, "precision": MIN_PRECISION},
                  "scores": scores, "timings": timings, "failures": failures,
                  "findings": [d for d in details if d["misses"] or d["false_alarms"] or d["ormlens_problem"] or not d["label_holds"]]}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


def _display(case_dir: Path, base: Path) -> str:
    try:
        return case_dir.relative_to(base).as_posix()
    except ValueError:
        return str(case_dir)


if __name__ == "__main__":
    sys.exit(main())
