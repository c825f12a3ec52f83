"""Each warning ORM Lens gives on a real project, put to SQLAlchemy: confirmed, refuted, or unknown.

- ORM104 (``back_populates`` not reciprocal) against the import oracle's record of the other side:
  the warning says ``'T.p' has no back_populates="q"`` or ``'T.p' points back at 'r'``; SQLAlchemy's
  own ``T.p.back_populates`` says whether that is so.
- ORM201 and ORM202 (latent import failures) by doing what the warning says would fail: import the
  module it names into a fresh interpreter (``import_oracle.py --first``), and see whether the
  ``ImportError`` is raised, or whether the relationship's target then fails to resolve.

A refuted warning is a false alarm, and fails the project; an unknown one (the oracle could not
import the project, or its budget ran out) is shown as such.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import time
from pathlib import Path

ONE_SIDED = re.compile(r"'(\w+)\.(\w+)' has no back_populates=\"(\w+)\"")
POINTS_ELSEWHERE = re.compile(r"'(\w+)\.(\w+)' points back at '(\w+)'")
FIRST_IMPORT = re.compile(r"if the application imports (\S+?)(?: or | first| \()")
CIRCULAR_NAME = re.compile(r"cannot import name '(\w+)'|imports '(\w+)' back")
NEVER_IMPORTED = re.compile(r"class '(\w+)' \(\S+\) is never imported at run time by (\S+?), ")
OWNER = re.compile(r"configuring Mapper\[(\w+)\(")
FIRST_IMPORT_BUDGET_SECONDS = 240
ORACLE = Path(__file__).with_name("import_oracle.py")


def confirm(diagnostics: list[dict], oracle: dict | None, src: Path, python: str) -> dict[str, dict]:
    """Per warning code: how many were confirmed, refuted or unknown, and the cases not confirmed."""
    first_imports = FirstImports(src, python)
    first_imports.owner_modules = owner_modules(oracle)
    found: dict[str, dict] = {}
    for d in diagnostics:
        if d["severity"] != "warning":
            continue
        verdict = judge(d, oracle, first_imports)
        if verdict is None:
            continue
        counts = found.setdefault(d["code"], {"confirmed": 0, "refuted": 0, "unknown": 0, "cases": []})
        counts[verdict[0]] += 1
        if verdict[0] != "confirmed":
            counts["cases"].append({"path": d["path"], "line": d["line"], "verdict": verdict[0],
                                    "why": verdict[1]})
    for counts in found.values():  # the refuted first: they are what fails the project
        counts["cases"] = sorted(counts["cases"], key=lambda c: c["verdict"] != "refuted")[:10]
    return found


def judge(d: dict, oracle: dict | None, first_imports: "FirstImports") -> tuple[str, str] | None:
    if d["code"] == "ORM104":
        return judge_reciprocal(d["message"], oracle)
    if d["code"] == "ORM201" and d["message"].startswith("latent"):
        return judge_circular(d["message"], first_imports)
    if d["code"] == "ORM202" and d["message"].startswith("latent"):
        return judge_never_imported(d["message"], first_imports)
    return None


def judge_reciprocal(message: str, oracle: dict | None) -> tuple[str, str]:
    if not oracle or not oracle.get("classes"):
        return "unknown", "the import oracle mapped nothing"
    match = ONE_SIDED.search(message) or POINTS_ELSEWHERE.search(message)
    if match is None:
        return "unknown", "message not understood"
    cls, attribute, named = match.groups()
    sides = [r for c in oracle["classes"] if c["class"] == cls
             for r in c["relationships"] if r["key"] == attribute]
    if not sides:
        return "unknown", f"SQLAlchemy mapped no {cls}.{attribute}"
    back = {r["back_populates"] for r in sides}
    if match.re is ONE_SIDED:
        return ("confirmed", "") if back == {None} else ("refuted", f"{cls}.{attribute} back_populates={back}")
    return ("confirmed", "") if back == {named} else ("refuted", f"{cls}.{attribute} back_populates={back}")


def judge_circular(message: str, first_imports: "FirstImports") -> tuple[str, str]:
    module, name = FIRST_IMPORT.search(message), CIRCULAR_NAME.search(message)
    if module is None or name is None:
        return "unknown", "message not understood"
    name = name.group(1) or name.group(2)
    outcome = first_imports.run(module.group(1))
    if outcome is None:
        return "unknown", "the first-import budget was spent"
    error = outcome.get("error") or ""
    if f"cannot import name '{name}'" in error and "partially initialized" in error:
        return "confirmed", ""
    if not error:
        return "refuted", f"import {module.group(1)} first succeeds"
    return "unknown", f"import {module.group(1)} first raises another error: {error[:160]}"


def judge_never_imported(message: str, first_imports: "FirstImports") -> tuple[str, str]:
    match = NEVER_IMPORTED.search(message)
    if match is None:
        return "unknown", "message not understood"
    name, module = match.groups()
    owner = OWNER.search(message)
    # A mixin's relationship fails in the class that inherits it: import that class's module.
    module = first_imports.owner_modules.get(owner.group(1), module) if owner else module
    outcome = first_imports.run(module)
    if outcome is None:
        return "unknown", "the first-import budget was spent"
    if outcome.get("error"):
        return "unknown", f"import {module} first raises: {outcome['error'][:160]}"
    errors = [r.get("error", "") for c in outcome["classes"] for r in c["relationships"]]
    # 'Identity' not found among the classes resolves to sqlalchemy.Identity: not mapped either.
    if any((f"'{name}'" in e and "failed to locate" in e) or (f".{name}' is not mapped" in e) for e in errors):
        return "confirmed", ""
    if owner and any(c["class"] == owner.group(1) for c in outcome["classes"]):
        return "refuted", f"after import {module} first, {owner.group(1)}'s relationships to '{name}' resolve"
    return "unknown", f"import {module} first does not map the class that names '{name}'"


def owner_modules(oracle: dict | None) -> dict[str, str]:
    """Class name -> its module, for the names SQLAlchemy mapped in one module only."""
    found: dict[str, set[str]] = {}
    for c in (oracle or {}).get("classes", []):
        if c["name"].endswith("." + c["class"]):
            found.setdefault(c["class"], set()).add(c["name"][: -len(c["class"]) - 1])
    return {name: modules.pop() for name, modules in found.items() if len(modules) == 1}


class FirstImports:
    """``import_oracle.py --first`` per module, each once, within one budget for the project."""

    def __init__(self, src: Path, python: str):
        self.src, self.python = src, python
        self.deadline = time.monotonic() + FIRST_IMPORT_BUDGET_SECONDS
        self.outcomes: dict[str, dict | None] = {}
        self.owner_modules: dict[str, str] = {}

    def run(self, module: str) -> dict | None:
        if module not in self.outcomes:
            self.outcomes[module] = self._import(module)
        return self.outcomes[module]

    def _import(self, module: str) -> dict | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            return None
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "first.json"
            try:
                subprocess.run([self.python, str(ORACLE), "--first", module, str(self.src), str(out)],
                               capture_output=True, timeout=left, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                return None
            return json.loads(out.read_text(encoding="utf-8")) if out.is_file() else None
