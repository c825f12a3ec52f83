#!/usr/bin/env python3
"""The fix-safety gate: `ormlens fix` must never break a workspace.

    python3 bench/fix_gate.py [--cases DIR | --generate] [--realworld] [--ormlens CMD]

For each workspace, on throwaway copies, apply `ormlens fix` (safe fixes) and, separately,
`ormlens fix --unsafe`, and demand:

1. every Python file still compiles;
2. a second run of the same command changes nothing (the fixes settle);
3. no diagnostic appears that was not there before (same code, same file);
4. for generated cases (they import with real SQLAlchemy): what SQLAlchemy does with the fixed
   copy is no worse: a package that configured and round-tripped still does, with no new warning;
   a safe fix never changes the outcome of a failing package for the worse either.

`--realworld` adds the real-world sample (bench/realworld, already fetched): checks 1-3 only,
since those projects cannot be imported here. Prints one line per workspace that fails and a
summary; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import py_compile
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oraclerun import REPO, OracleJob, available_flavours, run_many  # noqa: E402

STAGES = ("import", "configure", "create_all", "roundtrip", "ok")


def ormlens(cmd: list[str], args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd + args, cwd=cwd, capture_output=True, text=True, timeout=600)


def findings(cmd: list[str], root: Path) -> set[tuple[str, str]]:
    run = ormlens(cmd, ["check", ".", "--format", "json", "--exit-zero"], root)
    if run.returncode != 0:
        raise RuntimeError(f"check failed in {root}: {run.stderr[-500:]}")
    return {(d["code"], d["path"]) for d in json.loads(run.stdout)["diagnostics"]}


def broken_files(root: Path) -> list[str]:
    bad = []
    for f in sorted(root.rglob("*.py")):
        if ".ormlens-cache" in f.parts:
            continue
        try:
            py_compile.compile(str(f), cfile=str(Path(tempfile.gettempdir()) / "ormlens-gate.pyc"), doraise=True)
        except py_compile.PyCompileError as e:
            bad.append(f"{f.relative_to(root)}: {e.msg.strip().splitlines()[-1]}")
    return bad


def gate_one(cmd: list[str], source: Path, unsafe: bool, work: Path,
             before: set[tuple[str, str]], before_broken: set[str]) -> tuple[Path, list[str]]:
    """Applies the fixes to a copy; returns the copy and the problems found."""
    copy = work / ("unsafe" if unsafe else "safe") / source.name
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".ormlens-cache", "__pycache__"))
    flags = ["fix", "."] + (["--unsafe"] if unsafe else [])
    first = ormlens(cmd, flags, copy)
    problems = []
    if first.returncode not in (0, 1):
        problems.append(f"fix exited {first.returncode}: {first.stderr.strip()[-300:]}")
    problems += [f"no longer compiles: {b}" for b in broken_files(copy) if b not in before_broken]
    again = ormlens(cmd, flags + ["--diff"], copy)
    if again.stdout.strip():
        problems.append("a second run still changes files:\n" + again.stdout[:800])
    new = sorted(findings(cmd, copy) - before)
    if new:
        problems.append(f"new diagnostics: {new[:6]}")
    return copy, problems


def rank(report: dict) -> int:
    return STAGES.index(report["stage"]) if report["stage"] in STAGES else 0


def warning_codes(report: dict) -> list[str]:
    return sorted(w.get("code") or w["category"] for w in report.get("warnings", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=Path, help="generated cases (each with case.json)")
    parser.add_argument("--generate", action="store_true", help="generate one seed of every style x kind")
    parser.add_argument("--styles", help="with --generate: comma-separated styles (default: all)")
    parser.add_argument("--kinds", help="with --generate: comma-separated mutation kinds (default: all)")
    parser.add_argument("--realworld", nargs="?", const="ci",
                        help="also real-world projects (fetched): a comma-separated list, or the CI sample")
    parser.add_argument("--ormlens", default=f"java -Xss4m -jar {REPO}/server/lsp/target/ormlens.jar")
    args = parser.parse_args(argv)
    cmd = args.ormlens.split()
    failures: list[str] = []
    checked = 0
    with tempfile.TemporaryDirectory(prefix="ormlens-fix-gate-") as tmp:
        work = Path(tmp)
        cases: list[Path] = []
        if args.generate:
            import generate

            styles = tuple(args.styles.split(",")) if args.styles else generate.STYLES
            kinds = args.kinds.split(",") if args.kinds else None
            cases = generate.generate_cases(work / "cases", 12, 7, styles=styles, kinds=kinds)
        elif args.cases:
            cases = sorted(p.parent for p in args.cases.rglob("case.json"))
        jobs, pending = [], []
        flavours = available_flavours()
        for case in cases:
            meta = json.loads((case / "case.json").read_text())
            if meta.get("mutation") == "ORM001":
                continue  # unparseable before any fix: nothing to keep
            before, before_broken = findings(cmd, case), set(broken_files(case))
            for unsafe in (False, True):
                copy, problems = gate_one(
                    cmd, case, unsafe, work / "copies" / str(checked), before, before_broken)
                checked += 1
                name = f"{case.parent.name}/{case.name}{' --unsafe' if unsafe else ''}"
                failures += [f"{name}: {p}" for p in problems]
                for flavour in flavours:
                    for root in (case, copy):
                        jobs.append(OracleJob(str(root), tuple(meta["entries"]), flavour))
                    pending.append((name, unsafe))
        if jobs:
            reports = run_many(jobs)
            for (name, unsafe), (before, after) in zip(pending, zip(reports[0::2], reports[1::2])):
                if rank(after) < rank(before):
                    failures.append(f"{name} [{before['flavour']}]: SQLAlchemy got further before the fix "
                                    f"({before['stage']}) than after ({after['stage']}: {after.get('error')})")
                elif before["stage"] == "ok" and after["stage"] == "ok":
                    added = sorted(set(warning_codes(after)) - set(warning_codes(before)))
                    if added:
                        failures.append(f"{name} [{before['flavour']}]: new SQLAlchemy warnings {added}")
        if args.realworld:
            src = REPO / "build" / "realworld" / "src"
            import tomllib

            manifest = tomllib.loads((REPO / "bench" / "realworld" / "manifest.toml").read_text())
            for project in manifest["project"]:
                root = src / project["name"]
                wanted = project.get("ci") if args.realworld == "ci" else project["name"] in args.realworld.split(",")
                if not wanted or not root.is_dir():
                    continue
                before, before_broken = findings(cmd, root), set(broken_files(root))
                for unsafe in (False, True):
                    _, problems = gate_one(
                        cmd, root, unsafe, work / "copies" / str(checked), before, before_broken)
                    checked += 1
                    name = project["name"] + (" --unsafe" if unsafe else "")
                    failures += [f"{name}: {p}" for p in problems]
    for f in failures:
        print(f)
    print(f"fix gate: {checked} fixed copies, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
