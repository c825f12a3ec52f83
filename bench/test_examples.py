"""Every row of the examples/README.md table, re-measured with both SQLAlchemy versions.

The README states what SQLAlchemy does with each example; these tests run the
oracle again and fail if an example (or SQLAlchemy) no longer does that.
"""

from __future__ import annotations

import pytest

from examples_table import EXAMPLES, README, parse_table
from oraclerun import OracleJob, available_flavours, run_many

FLAVOURS = available_flavours()
ROWS = parse_table(README.read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(not FLAVOURS, reason="run bench/setup-venvs.sh first")


@pytest.fixture(scope="module")
def reports():
    """Every row with every version, in one oracle batch per version."""
    jobs = [OracleJob(str(EXAMPLES / ex), entries, f) for ex, entries, _ in ROWS for f in FLAVOURS]
    return dict(zip(((j.root, j.entries, j.flavour) for j in jobs), run_many(jobs)))


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("example,entries,outcomes", ROWS, ids=[f"{r[0]}:{'+'.join(r[1])}" for r in ROWS])
def test_readme_row_is_what_sqlalchemy_does(reports, example, entries, outcomes, flavour):
    report = reports[(str(EXAMPLES / example), entries, flavour)]
    assert outcomes[flavour].matches(report) == []


def test_the_table_covers_every_example_and_the_article_failures():
    examples = {p.name for p in EXAMPLES.iterdir() if p.is_dir()}
    assert {row[0] for row in ROWS} == examples
    cells = " ".join(o.render() for _, _, outcomes in ROWS for o in outcomes.values())
    assert "_append_token" in cells
    assert "partially initialized module" in cells
    assert "'association_table' failed to locate a name" in cells


def test_every_example_file_starts_with_a_header_comment():
    files = sorted(EXAMPLES.rglob("*.py"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), path
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    assert any("\u3040" <= ch <= "\u30ff" for ch in text)  # Japanese comments
    assert any(ord(ch) >= 0x1F300 for ch in text)  # and an emoji, as real projects have
