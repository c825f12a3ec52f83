#!/usr/bin/env python3
"""The real-world corpus: ORM Lens on released applications that map with SQLAlchemy.

    python3 bench/realworld/realworld.py [--sample] [--only NAME,...] [--table] [--jar PATH]

1. fetches every project of ``bench/realworld/manifest.toml`` by exact version from PyPI
   (``pip download --no-deps``; a wheel or an sdist both carry the ``.py`` files) and unpacks its
   Python files into ``build/realworld/src/NAME`` (kept between runs: a stamp names the version);
2. runs ``ormlens check --format json`` on each, and ``ormlens graph`` to count the mapped
   classes it sees;
3. judges the findings against the manifest's ``expected`` verdicts: these projects configure with
   SQLAlchemy in production, so any error is a false alarm, and every warning code must be listed
   with the count a reader judged (a new warning, or a count that moved, fails the run until it is
   judged and recorded).

Prints one line per project (or, with ``--table``, the README's Markdown table) and writes
``build/realworld/results.json``. Exit 0 when every project passes, 1 on a false alarm or an
unjudged change, 2 when the corpus cannot be fetched or ORM Lens cannot run.
"""

from __future__ import annotations

import argparse
import collections

import json

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import confirm  # noqa: E402
import recall  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MIN_RECALL = 0.99
SHORT = {"target": "target", "annotation": "Mapped", "secondary": "secondary",
         "back_populates": "back_populates", "fk_table": "FK table", "fk_column": "FK column"}
MANIFEST = Path(__file__).with_name("manifest.toml")
WORK = ROOT / "build" / "realworld"
UNPACK_RULE = "py+data"
MAX_DATA_FILE = 1024 * 1024
KEPT_OUT = (".pyc", ".so", ".dll", ".dylib", ".png", ".jpg", ".gif", ".svg", ".woff", ".woff2", ".ttf",
            ".js", ".map", ".css")
ENTITY = re.compile(r'^    [A-Za-z_][\w]*(\[".*"\])? \{$')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", action="store_true", help="only the projects marked ci = true")
    parser.add_argument("--only", help="comma-separated project names")
    parser.add_argument("--table", action="store_true", help="print the README table")
    parser.add_argument("--jar", default=str(ROOT / "server/lsp/target/ormlens.jar"))
    parser.add_argument("--no-recall", action="store_true", help="skip the import oracle and definition recall")
    parser.add_argument("--oracle-python", default=str(ROOT / "build/venv-sa20/bin/python"),
                        help="the Python (with SQLAlchemy) that imports each project for the recall oracle")
    args = parser.parse_args(argv)

    projects = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["project"]
    if args.sample:
        projects = [p for p in projects if p.get("ci")]
    if args.only:
        wanted = set(args.only.split(","))
        projects = [p for p in projects if p["name"] in wanted]
    if not Path(args.jar).is_file():
        print(f"realworld: no jar at {args.jar} (build it with mvn -DskipTests package)", file=sys.stderr)
        return 2
    results = []
    for project in projects:
        try:
            src = fetch(project)
        except (OSError, subprocess.CalledProcessError) as e:
            print(f"realworld: cannot fetch {project['name']}=={project['version']}: {e}", file=sys.stderr)
            return 2
        result = check(project, src, args.jar)
        if not args.no_recall and result["verdict"] != "crash":
            oracle = score_recall(result, src, args.jar, args.oracle_python)
            confirm_warnings(result, oracle, src, args.oracle_python)
        result.pop("_diagnostics", None)
        results.append(result)
        if not args.table:
            print(line(result), flush=True)
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.table:
        print(table(results))
    failed = [r["name"] for r in results if r["verdict"] != "ok"]
    if failed:
        print(f"realworld: {len(failed)} project(s) not as judged: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def fetch(project: dict) -> Path:
    """The project's Python files, unpacked once per version."""
    name, version = project["name"], project["version"]
    src = WORK / "src" / name
    stamp = src / ".ormlens-realworld"
    if stamp.is_file() and stamp.read_text() == f"{version} {UNPACK_RULE}":
        return src
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--disable-pip-version-check", "-d", tmp, f"{name}=={version}"],
            check=True, stdout=subprocess.DEVNULL)
        archives = list(Path(tmp).iterdir())
        if len(archives) != 1:
            raise OSError(f"expected one archive, got {[a.name for a in archives]}")
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        unpack(archives[0], src)
    stamp.write_text(f"{version} {UNPACK_RULE}")
    return src


def unpack(archive: Path, dest: Path) -> None:
    """The source files (the .py files and the small data files an import may read, such as a
    VERSION file), never outside dest; an sdist loses its top folder."""
    def place(member: str, data: bytes, strip: bool) -> None:
        parts = Path(member).parts[1:] if strip else Path(member).parts
        if not parts or ".." in parts or Path(member).is_absolute():
            return
        if not (parts[-1].endswith(".py") or len(data) <= MAX_DATA_FILE) or parts[-1].endswith(KEPT_OUT):
            return
        target = dest.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            for info in z.infolist():
                if not info.is_dir():
                    place(info.filename, z.read(info), strip=archive.suffix == ".zip")
    else:
        with tarfile.open(archive) as t:
            for member in t.getmembers():
                if member.isfile():
                    place(member.name, t.extractfile(member).read(), strip=True)


def check(project: dict, src: Path, jar: str) -> dict:
    java = ["java", "-Xss4m", "-jar", jar]
    started = time.monotonic()
    run = subprocess.run(java + ["check", ".", "--format", "json", "--exit-zero"], cwd=src,
                         capture_output=True, text=True)
    seconds = time.monotonic() - started
    result = {"name": project["name"], "version": project["version"],
              "styles": project.get("styles", ""), "seconds": round(seconds, 1)}
    if run.returncode != 0:
        result.update(verdict="crash", detail=run.stderr.strip().splitlines()[-1:])
        return result
    diagnostics = json.loads(run.stdout)["diagnostics"]
    result["_diagnostics"] = diagnostics
    result["oracle_entries"] = project.get("oracle_entries", [])
    graph = subprocess.run(java + ["graph", "."], cwd=src, capture_output=True, text=True)
    result["models"] = sum(1 for l in graph.stdout.splitlines() if ENTITY.match(l))
    result["files"] = sum(1 for _ in src.rglob("*.py"))
    errors = collections.Counter(d["code"] for d in diagnostics if d["severity"] == "error")
    warnings = collections.Counter(d["code"] for d in diagnostics if d["severity"] == "warning")
    result["errors"] = dict(sorted(errors.items()))
    result["warnings"] = dict(sorted(warnings.items()))
    expected = {code: v["count"] for code, v in project.get("expected", {}).items()}
    problems = []
    if errors:
        problems.append(f"false alarms (errors): {dict(errors)}")
    if dict(warnings) != expected:
        problems.append(f"warnings {dict(sorted(warnings.items()))}, judged {expected}")
    result["verdict"] = "ok" if not problems else "; ".join(problems)
    result["judged"] = {code: v["verdict"] for code, v in project.get("expected", {}).items()}
    return result


def score_recall(result: dict, src: Path, jar: str, python: str) -> dict | None:
    """SQLAlchemy's own answers (bench/realworld/import_oracle.py) against ORM Lens's definitions
    (bench/realworld/recall.py): per kind, every site must be answered, and answered right."""
    oracle_file = WORK / "oracle" / f"{result['name']}.json"
    oracle_file.parent.mkdir(parents=True, exist_ok=True)
    oracle_file.unlink(missing_ok=True)
    try:
        entries = [arg for module in result["oracle_entries"] for arg in ("--entry", module)]
        run = subprocess.run([python, str(Path(__file__).with_name("import_oracle.py")), *entries, str(src),
                              str(oracle_file)],
                             capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        result["oracle_problem"] = "import oracle timed out (300 s)"
        return None
    if run.returncode != 0 or not oracle_file.is_file():
        # A limit of the oracle, not a finding about ORM Lens: shown in the table, not failed.
        result["oracle_problem"] = f"import oracle failed: {run.stderr.strip().splitlines()[-1:]}"
        return None
    oracle = json.loads(oracle_file.read_text(encoding="utf-8"))
    result["oracle"] = {"mapped": len(oracle["classes"]), "imported": len(oracle["imported"]),
                        "failed": len(oracle["failed"]),
                        "relationships": sum(len(c["relationships"]) for c in oracle["classes"])}
    found = list(recall.sites(src, oracle))
    answers = recall.ask_definitions(src, found, ["java", "-Xss4m", "-jar", jar])
    score = recall.judge(src, found, answers)
    result["recall"] = score["kinds"]
    result["misses"] = [c for c in score["_cases"] if c["verdict"] != "hit"][:20]
    problems = [f"definition {kind} {c['hits']}/{c['sites']} ({c['wrong']} wrong)"
                for kind, c in score["kinds"].items()
                if c["sites"] and (c["wrong"] or c["recall"] < MIN_RECALL)]
    add_problems(result, problems)
    return oracle


def confirm_warnings(result: dict, oracle: dict | None, src: Path, python: str) -> None:
    """Every warning put to SQLAlchemy (bench/realworld/confirm.py); a refuted one fails."""
    found = confirm.confirm(result["_diagnostics"], oracle, src, python)
    result["confirmed"] = found
    add_problems(result, [f"{code} refuted by SQLAlchemy: {c['refuted']} ({c['cases'][:2]})"
                          for code, c in found.items() if c["refuted"]])


def add_problems(result: dict, problems: list[str]) -> None:
    if problems:
        verdict = "" if result["verdict"] == "ok" else result["verdict"] + "; "
        result["verdict"] = verdict + "; ".join(problems)


def recall_cell(r: dict) -> str:
    kinds = r.get("recall")
    if not kinds:
        return f"not measured ({r['oracle_problem']})" if r.get("oracle_problem") else "not measured"
    cells = [f"{SHORT[k]} {c['hits']}/{c['sites']}" for k, c in kinds.items() if c["sites"]]
    return ", ".join(cells) or "no site"


def confirmed_cell(r: dict, code: str) -> str:
    c = r.get("confirmed", {}).get(code)
    if not c:
        return ""
    parts = [f"{c[k]} {k}" for k in ("confirmed", "refuted", "unknown") if c[k]]
    return f" ({', '.join(parts)})"


def line(r: dict) -> str:
    if r["verdict"] == "crash":
        return f"{r['name']:28} CRASH {r.get('detail')}"
    oracle = r.get("oracle", {}).get("mapped", "-")
    return (f"{r['name']:28} {r['models']:4} models ({oracle} by SQLAlchemy) {r['files']:5} files {r['seconds']:5}s  "
            f"errors {r['errors'] or 0}  warnings {r['warnings'] or 0}"
            f"{''.join(f' {c}{confirmed_cell(r, c)}' for c in r.get('confirmed', {}))}"
            f"  recall: {recall_cell(r)}  {r['verdict']}")


def table(results: list[dict]) -> str:
    out = ["| project | version | mapped classes seen | mapped by SQLAlchemy (import oracle) | files "
           "| errors (false alarms) | warnings (judged) | definition recall (hits/sites) | time |",
           "| --- | --- | ---: | ---: | ---: | --- | --- | --- | ---: |"]
    for r in results:
        if r["verdict"] == "crash":
            out.append(f"| {r['name']} | {r['version']} | crash | | | | |")
            continue
        errors = ", ".join(f"{c}×{n}" for c, n in r["errors"].items()) or "0"
        warnings = ", ".join(f"{c}×{n}{confirmed_cell(r, c)}" for c, n in r["warnings"].items()) or "0"
        oracle = r.get("oracle", {}).get("mapped", "")
        out.append(f"| {r['name']} | {r['version']} | {r['models']} | {oracle} | {r['files']} | {errors} | "
                   f"{warnings} | {recall_cell(r)} | {r['seconds']} s |")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
