"""bench/generate.py: deterministic, fast, compilable output, and labels SQLAlchemy agrees with."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import generate
import label_check
from oraclerun import available_flavours


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("style", generate.STYLES)
def test_same_seed_same_bytes_other_seed_other_package(tmp_path, style):
    generate.generate(tmp_path / "a", 25, style, 5, noise=4)
    generate.generate(tmp_path / "b", 25, style, 5, noise=4)
    generate.generate(tmp_path / "c", 25, style, 6, noise=4)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")
    case = json.loads((tmp_path / "a" / "case.json").read_text())
    assert case["entries"] == ["pkg"] and case["expected"] == [] and case["models"] == 25 and case["style"] == style
    assert len(list((tmp_path / "a").glob("pkg/*/n*.py"))) == 4


def test_every_style_and_mutation_compiles_and_labels_point_into_the_files(tmp_path):
    for case_dir in generate.generate_cases(tmp_path, 14, 3):
        case = json.loads((case_dir / "case.json").read_text())
        for path in case_dir.rglob("*.py"):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
            assert "# case:" not in path.read_text(encoding="utf-8")
        for exp in case["expected"]:
            for place in [exp] + exp.get("also", []):
                lines = (case_dir / place["path"]).read_text(encoding="utf-8").split("\n")
                assert 1 <= place["line"] <= len(lines) and lines[place["line"] - 1].strip(), (case_dir, exp)


def test_the_mixed_style_uses_every_reference_form(tmp_path):
    generate.generate(tmp_path, 60, "mixed", 1)
    text = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.py"))
    for form in ('relationship("', 'relationship("pkg.', "lambda: pkg.", "relationship(resolve_", "from_clause(resolve_",
                 ".__table__", "secondary=lambda", "relationship as rel", "import sqlalchemy.orm as orm",
                 "sa.orm.relationship", "if TYPE_CHECKING:", "__abstract__ = True", "class AuditBase(DeclarativeBase)",
                 "TimestampMixin", "from .", "from pkg."):
        assert form in text, form


def test_ten_thousand_models_generate_in_seconds(tmp_path):
    # CPU time, not wall time: the machine may be shared with a Java build.
    start = time.process_time()
    generate.generate(tmp_path, 10_000, "declarative2", 1, noise=100)
    elapsed = time.process_time() - start
    assert len(list(tmp_path.glob("pkg/m*.py"))) > 3000
    assert elapsed < 10, elapsed


@pytest.mark.skipif(not available_flavours(), reason="run bench/setup-venvs.sh first")
def test_sqlalchemy_agrees_with_the_labels(tmp_path, capsys):
    """Every kind on declarative2 and mixed, clean on every style (label_check.py runs the full grid)."""
    dirs = generate.generate_cases(tmp_path / "d2", 14, 11, styles=("declarative2", "mixed"))
    dirs += generate.generate_cases(tmp_path / "all", 14, 11, kinds=("clean",))
    code = label_check.run(dirs, available_flavours())
    assert code == 0, capsys.readouterr().out
