"""Running bench/oracle.py in the ground-truth venvs, from any Python (stdlib only).

The oracle must run inside build/venv-sa20 or build/venv-sa21 (made by
bench/setup-venvs.sh); tests, label_check.py and differential.py run it as a
subprocess, several at once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

REPO = Path(__file__).resolve().parent.parent
ORACLE = REPO / "bench" / "oracle.py"
FLAVOURS = ("sa20", "sa21")


def venv_python(flavour: str) -> Path:
    """The interpreter of build/venv-<flavour>; overridable by ORMLENS_VENV_<FLAVOUR>."""
    override = os.environ.get(f"ORMLENS_VENV_{flavour.upper()}")
    base = Path(override) if override else REPO / "build" / f"venv-{flavour}"
    return base / "bin" / "python"


def available_flavours() -> list[str]:
    return [f for f in FLAVOURS if venv_python(f).exists()]


@dataclass(frozen=True)
class OracleJob:
    root: str
    entries: tuple[str, ...]
    flavour: str
    roundtrip: bool = True


class OracleFailure(RuntimeError):
    """The oracle itself failed (not the user's code): no JSON, or a non-zero exit."""


def run_oracle(job: OracleJob, timeout: float = 120.0) -> dict[str, Any]:
    cmd = [str(venv_python(job.flavour)), str(ORACLE), "--root", str(job.root)]
    for entry in job.entries:
        cmd += ["--entry", entry]
    if not job.roundtrip:
        cmd.append("--no-roundtrip")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env(), cwd=str(REPO))
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise OracleFailure(
            f"oracle printed no JSON (exit {proc.returncode}) for {job}:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
        ) from exc
    if proc.returncode != 0:
        raise OracleFailure(f"oracle exited {proc.returncode} for {job}:\n{proc.stderr[-4000:]}")
    report["flavour"] = job.flavour
    return report


def run_many(jobs: Iterable[OracleJob], workers: int | None = None, timeout: float = 300.0) -> list[dict[str, Any]]:
    """Runs jobs in the oracle's --batch mode (one process per SQLAlchemy version,
    forking a child per job, `workers` children at once); results in the jobs' order."""
    jobs = list(jobs)
    workers = workers or max(2, (os.cpu_count() or 2))
    by_flavour: dict[str, list[int]] = {}
    for i, job in enumerate(jobs):
        by_flavour.setdefault(job.flavour, []).append(i)
    results: list[dict[str, Any] | None] = [None] * len(jobs)

    def run_flavour(flavour: str) -> None:
        indices = by_flavour[flavour]
        stdin = "".join(
            json.dumps({"root": jobs[i].root, "entries": list(jobs[i].entries), "roundtrip": jobs[i].roundtrip}) + "\n"
            for i in indices
        )
        cmd = [str(venv_python(flavour)), str(ORACLE), "--batch", "--jobs", str(workers), "--timeout", str(timeout)]
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, env=_env(), cwd=str(REPO))
        for line in proc.stdout.splitlines():
            record = json.loads(line)
            if "oracle_failure" in record:
                raise OracleFailure(f"{jobs[indices[record['index']]]}: {record['oracle_failure']}\n{proc.stderr[-4000:]}")
            record["flavour"] = flavour
            results[indices[record.pop("index")]] = record
        missing = [jobs[i] for i in indices if results[i] is None]
        if missing:
            raise OracleFailure(f"oracle --batch exited {proc.returncode} without reports for {missing[:3]}:\n{proc.stderr[-4000:]}")

    with ThreadPoolExecutor(max_workers=len(by_flavour) or 1) as pool:
        list(pool.map(run_flavour, by_flavour))
    return results  # type: ignore[return-value]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    env.pop("PYTHONPATH", None)
    return env


def sa_warnings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [w for w in report.get("warnings", []) if w.get("category") == "SAWarning"]


def summary(report: dict[str, Any]) -> str:
    """One line: stage, error type and message head, warning codes."""
    err = report.get("error")
    text = report["stage"]
    if err:
        text += f" {err['type']}: {err['message'][:160]}"
    codes = [w.get("code") or w["category"] for w in report.get("warnings", [])]
    if codes:
        text += f" warnings={codes}"
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """python3 bench/oraclerun.py sa20 ROOT ENTRY...: prints one summary line."""
    argv = list(sys.argv[1:] if argv is None else argv)
    flavour, root, *entries = argv
    print(summary(run_oracle(OracleJob(root, tuple(entries), flavour))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
