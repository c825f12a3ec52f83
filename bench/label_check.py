#!/usr/bin/env python3
"""Checks the generator's labels against SQLAlchemy (stdlib only; runs the oracle in the venvs).

    python3 bench/label_check.py [--cases DIR] [--models N] [--seed S] [--styles ...] [--kinds ...] [--json OUT]

Generates every style x mutation kind (or reads existing cases from --cases DIR)
and runs the oracle on each with every installed SQLAlchemy version. A label
agrees when SQLAlchemy does what bench/generate.py's BEHAVIOUR says for that kind:
an error label fails at the documented stage with the documented exception, and
its message names something on the labelled line; a warning label (qzyx) warns;
a silent label (and every clean case) succeeds with no SAWarning. A disagreeing
label is a generator bug. Exit 1 when any label disagrees.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

import generate
from oraclerun import OracleJob, available_flavours, run_many, sa_warnings

# Codes whose error message names the faulty token written on the labelled line.
MENTIONS = {"ORM101", "ORM102", "ORM103", "ORM105", "ORM106", "ORM202", "ORM302"}


def tokens_on_line(case_dir: Path, path: str, line: int) -> set[str]:
    text = (case_dir / path).read_text(encoding="utf-8").split("\n")[line - 1]
    found = set(re.findall(r'"([^"]+)"', text))
    return found | {t.split(".")[-1] for t in found}


def check(case_dir: Path, case: dict, report: dict) -> list[str]:
    """What disagrees between the case's label and SQLAlchemy's behaviour (empty: agrees)."""
    behaviour = case["sqlalchemy"]
    problems = []
    err = report.get("error")
    if report["stage"] != behaviour["stage"]:
        problems.append(f"stage {report['stage']} ({err and err['type']}: {err and err['message'][:200]}), label says {behaviour['stage']}")
        return problems
    if "error" in behaviour:
        if err["type"] != behaviour["error"]:
            problems.append(f"error {err['type']}, label says {behaviour['error']}")
        if behaviour["message"] not in err["message"]:
            problems.append(f"message {err['message'][:200]!r} lacks {behaviour['message']!r}")
    warned = sa_warnings(report)
    if "warning" in behaviour:
        codes = {w["code"] for w in warned}
        if codes != {behaviour["warning"]}:
            problems.append(f"SAWarning codes {sorted(map(str, codes))}, label says only {behaviour['warning']}")
    elif warned:
        problems.append(f"unexpected SAWarning: {warned[0]['message'][:200]}")
    for exp in case["expected"]:
        places = [exp] + exp.get("also", [])
        if exp["code"] in MENTIONS and err:
            tokens = set().union(*(tokens_on_line(case_dir, p["path"], p["line"]) for p in places))
            if not any(t in err["message"] for t in tokens):
                problems.append(f"{exp['code']}: message names none of {sorted(tokens)} from the labelled lines")
        if exp["code"] == "ORM201" and err:
            frames = {(f["path"], f["line"]) for f in err.get("user_frames", [])}
            if not frames & {(p["path"], p["line"]) for p in places}:
                problems.append(f"ORM201: traceback frames {sorted(frames)} miss the labelled import lines")
        if exp["code"] == "ORM301":
            tokens = set()
            for p in places:
                line = (case_dir / p["path"]).read_text(encoding="utf-8").split("\n")[p["line"] - 1]
                tokens |= set(re.findall(r"^\s*\"?(\w+)\"?\s*[:=]", line))
            if not any(f".{t}'" in w["message"] for w in warned for t in tokens):
                problems.append(f"ORM301: no qzyx warning names {sorted(tokens)}")
    if not case["expected"] and case["mutation"] not in ("clean",) and not case["mutation"].startswith("refactor"):
        problems.append("a fault mutation without an expected diagnostic")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, help="existing cases (directories holding case.json)")
    parser.add_argument("--models", type=int, default=14)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--styles", nargs="*", default=list(generate.STYLES))
    parser.add_argument("--kinds", nargs="*", default=None)
    parser.add_argument("--json", type=Path, help="write the per-case results here")
    args = parser.parse_args(argv)
    flavours = available_flavours()
    if not flavours:
        print("label_check: no venv; run bash bench/setup-venvs.sh", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ormlens-cases-") as tmp:
        if args.cases:
            case_dirs = sorted(p.parent for p in args.cases.rglob("case.json"))
        else:
            case_dirs = generate.generate_cases(Path(tmp), args.models, args.seed, args.styles, args.kinds)
        return run(case_dirs, flavours, args.json)


def run(case_dirs: list[Path], flavours: list[str], json_out: Path | None = None) -> int:
    cases = [json.loads((d / "case.json").read_text(encoding="utf-8")) for d in case_dirs]
    jobs = [OracleJob(str(d / c["root"]), tuple(c["entries"]), f) for d, c in zip(case_dirs, cases) for f in flavours]
    # Clean cases also import their noise modules, which must import cleanly too.
    extra = []
    for d, c in zip(case_dirs, cases):
        noise = sorted(p.relative_to(d).with_suffix("").as_posix().replace("/", ".") for p in d.glob("pkg/*/n*.py"))
        if c["mutation"] == "clean" and noise:
            extra += [(d, c, OracleJob(str(d), tuple(c["entries"]) + tuple(noise), f)) for f in flavours]
    reports = run_many(jobs + [job for _, _, job in extra])
    results, bad = [], 0
    for i, (d, c) in enumerate((d, c) for d, c in zip(case_dirs, cases) for _ in flavours):
        report = reports[i]
        problems = check(d, c, report)
        results.append({"style": c["style"], "mutation": c["mutation"], "sqlalchemy": report["sqlalchemy"],
                        "agrees": not problems, "problems": problems, "expected": c["expected"]})
    for j, (d, c, job) in enumerate(extra):
        report = reports[len(jobs) + j]
        problems = check(d, c, report)
        results.append({"style": c["style"], "mutation": "clean+noise", "sqlalchemy": report["sqlalchemy"],
                        "agrees": not problems, "problems": problems, "expected": []})
    for r in results:
        if not r["agrees"]:
            bad += 1
            print(f"DISAGREES {r['style']:16} {r['mutation']:24} SQLAlchemy {r['sqlalchemy']}: " + "; ".join(r["problems"]))
    kinds = sorted({r["mutation"] for r in results})
    styles = sorted({r["style"] for r in results})
    print(f"{'':24}" + "".join(f"{s[:12]:>13}" for s in styles))
    for k in kinds:
        row = []
        for s in styles:
            rs = [r for r in results if r["style"] == s and r["mutation"] == k]
            row.append("-" if not rs else ("agree" if all(r["agrees"] for r in rs) else "DISAGREE"))
        print(f"{k:24}" + "".join(f"{x:>13}" for x in row))
    print(f"label_check: {len(results) - bad} agree, {bad} disagree ({len(case_dirs)} cases x {len(flavours)} SQLAlchemy versions)")
    if json_out:
        json_out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
