#!/usr/bin/env python3
"""The table of examples/README.md: which module an application imports first in
each example, and what SQLAlchemy 2.0 and 2.1 really do, measured by the oracle.

    python3 bench/examples_table.py            # print the measured table
    python3 bench/examples_table.py --write    # replace the table in examples/README.md

bench/test_examples.py parses the README's table back (``parse_table``) and
asserts every cell against a fresh oracle run, so the README cannot drift from
what SQLAlchemy does, nor the examples from what the README says.

A cell reads: `stage` `ErrorType` “message fragment” at `relationship`; warnings: `code`×N
(error parts only when the stage is not `ok`; "no warnings" when there are none).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from oraclerun import REPO, FLAVOURS, OracleJob, run_many

EXAMPLES = REPO / "examples"
README = EXAMPLES / "README.md"
START, END = "<!-- table:start -->", "<!-- table:end -->"

# (example directory, entries an application imports, what the row shows)
ROWS: list[tuple[str, tuple[str, ...], str]] = [
    ("naive_split", ("shop.parent",), "problem 1: mutual module-level imports"),
    ("type_checking_split", ("shop.parent",), "problem 2: TYPE_CHECKING imports, only one module imported"),
    ("type_checking_split", ("shop.parent", "shop.child", "shop.association"), "same, every model module imported"),
    ("resolver_split", ("shop.parent",), "the article's resolvers, only one module imported"),
    ("resolver_split", ("shop.parent", "shop.child", "shop.association"), "the article's resolvers, every model module imported"),
    ("clean_package", ("shop",), "done right: `__init__` imports all, viewonly secondary"),
    ("clean_package", ("shop.parent",), "done right, application imports one module"),
    ("mistakes", ("shop.typo_target",), "typo in a relationship target"),
    ("mistakes", ("shop.typo_secondary",), "typo in a `secondary` table name"),
    ("mistakes", ("shop.missing_back_populates",), "`back_populates` names a missing attribute"),
    ("mistakes", ("shop.one_sided_back_populates",), "one-sided `back_populates`"),
    ("mistakes", ("shop.bad_fk_column",), "`ForeignKey` to an unknown column, used by a relationship"),
    ("mistakes", ("shop.bad_fk_table_used",), "`ForeignKey` to an unknown table, used by a relationship"),
    ("mistakes", ("shop.bad_fk_table",), "`ForeignKey` to an unknown table, no relationship"),
]

VERSION_HEADERS = {"sa20": "SQLAlchemy 2.0.54", "sa21": "SQLAlchemy 2.1.1"}


@dataclass(frozen=True)
class Outcome:
    stage: str
    error_type: str | None
    fragment: str | None
    relationship: str | None
    warnings: tuple[tuple[str, int], ...]  # (code or category, count), sorted

    def render(self) -> str:
        text = f"`{self.stage}`"
        if self.stage != "ok":
            text += f" `{self.error_type}` “{self.fragment}”"
            if self.relationship:
                text += f" at `{self.relationship}`"
        if self.warnings:
            text += "; warnings: " + ", ".join(f"`{code}`×{n}" for code, n in self.warnings)
        else:
            text += "; no warnings"
        return text

    def matches(self, report: dict) -> list[str]:
        """What in the report disagrees with this outcome (empty when it agrees)."""
        actual = outcome_of(report)
        problems = []
        if actual.stage != self.stage:
            problems.append(f"stage {actual.stage!r}, table says {self.stage!r}")
        if self.stage != "ok":
            err = report.get("error") or {}
            if err.get("type") != self.error_type:
                problems.append(f"error {err.get('type')!r}, table says {self.error_type!r}")
            if self.fragment and self.fragment not in err.get("message", ""):
                problems.append(f"message {err.get('message')!r} lacks {self.fragment!r}")
            if (self.relationship or None) != (actual.relationship or None):
                problems.append(f"relationship {actual.relationship!r}, table says {self.relationship!r}")
        if actual.warnings != self.warnings:
            problems.append(f"warnings {actual.warnings}, table says {self.warnings}")
        return problems


def fragment_of(message: str) -> str:
    """The stable head of an error message: up to the first parenthesis or sentence end,
    which drops absolute paths and the wording that differs between versions."""
    head = re.split(r" \(|\.  |\. (?=[A-Z])", message, maxsplit=1)[0]
    if len(head) > 120:
        head = head[:120].rsplit(" ", 1)[0]
    return head.rstrip()


def outcome_of(report: dict) -> Outcome:
    err = report.get("error")
    counts = Counter(w.get("code") or w["category"] for w in report.get("warnings", []))
    return Outcome(
        stage=report["stage"],
        error_type=err["type"] if err else None,
        fragment=fragment_of(err["message"]) if err else None,
        relationship=err.get("relationship") if err else None,
        warnings=tuple(sorted(counts.items())),
    )


def measure(flavours=FLAVOURS) -> list[dict[str, dict]]:
    jobs = [OracleJob(str(EXAMPLES / ex), entries, f) for ex, entries, _ in ROWS for f in flavours]
    reports = iter(run_many(jobs))
    return [{f: next(reports) for f in flavours} for _ in ROWS]


def render_table(measured: list[dict[str, dict]]) -> str:
    lines = [
        "| example | application imports | shows | " + " | ".join(VERSION_HEADERS.values()) + " |",
        "| --- | --- | --- | " + " | ".join("---" for _ in VERSION_HEADERS) + " |",
    ]
    for (example, entries, shows), reports in zip(ROWS, measured):
        cells = [outcome_of(reports[f]).render() for f in VERSION_HEADERS]
        imports = ", ".join(f"`{e}`" for e in entries)
        lines.append(f"| `{example}` | {imports} | {shows} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


_CELL = re.compile(
    r"^`(?P<stage>\w+)`"
    r"(?: `(?P<type>\w+)` “(?P<fragment>[^”]*)”(?: at `(?P<rel>[\w.]+)`)?)?"
    r"; (?:no warnings|warnings: (?P<warnings>.*))$"
)


def parse_cell(cell: str) -> Outcome:
    m = _CELL.match(cell.strip())
    if not m:
        raise ValueError(f"unreadable table cell: {cell!r}")
    warnings = ()
    if m["warnings"]:
        warnings = tuple(
            sorted((code, int(n)) for code, n in re.findall(r"`([\w.]+)`×(\d+)", m["warnings"]))
        )
    return Outcome(m["stage"], m["type"], m["fragment"], m["rel"], warnings)


def parse_table(text: str) -> list[tuple[str, tuple[str, ...], dict[str, Outcome]]]:
    """Rows of the README table: (example, entries, {flavour: Outcome})."""
    body = text.split(START, 1)[1].split(END, 1)[0]
    rows = []
    for line in body.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        example = cells[0].strip("`")
        entries = tuple(re.findall(r"`([\w.]+)`", cells[1]))
        outcomes = {f: parse_cell(c) for f, c in zip(VERSION_HEADERS, cells[3:])}
        rows.append((example, entries, outcomes))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in examples/README.md")
    args = parser.parse_args(argv)
    table = render_table(measure())
    if args.write:
        text = README.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        README.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
