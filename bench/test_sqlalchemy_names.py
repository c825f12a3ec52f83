"""The names ORM Lens knows SQLAlchemy's class resolver falls back to are the classes the
sqlalchemy package exports, in every version the tests run (2.0 and 2.1)."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LISTED = REPO / "server/core/src/main/resources/dev/ormlens/core/analysis/rules/sqlalchemy-classes.txt"
EXPORTED = ("import inspect, sqlalchemy\n"
            "print('\\n'.join(n for n, v in vars(sqlalchemy).items() if not n.startswith('_') and inspect.isclass(v)))")


def exported_classes(venv: str) -> set[str]:
    python = REPO / "build" / venv / "bin" / "python"
    return set(subprocess.run([str(python), "-c", EXPORTED], capture_output=True, text=True,
                              check=True).stdout.split())


def test_the_fallback_classes_are_those_every_tested_sqlalchemy_exports():
    listed = {l.strip() for l in LISTED.read_text().splitlines() if l.strip() and not l.startswith("#")}
    assert listed == exported_classes("venv-sa20") & exported_classes("venv-sa21")
