"""bench/differential.py's comparison logic on hand-made ORM Lens output (no jar needed)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import differential as diff

CASE = {
    "root": ".", "entries": ["pkg"], "mutation": "ORM101",
    "expected": [{"code": "ORM101", "path": "pkg/m3.py", "line": 12, "severity": "error"}],
}
CYCLE = {
    "root": ".", "entries": ["pkg"], "mutation": "ORM201",
    "expected": [{"code": "ORM201", "path": "pkg/m1.py", "line": 5, "severity": "error",
                  "also": [{"path": "pkg/m4.py", "line": 7}]}],
}
CLEAN = {"root": ".", "entries": ["pkg"], "mutation": "clean", "expected": []}


def diag(code, path, line, severity="error"):
    return {"code": code, "path": path, "line": line, "severity": severity, "message": "m"}


def test_exact_location_is_a_hit():
    comp = diff.compare(CASE, [diag("ORM101", "pkg/m3.py", 12)])
    assert (len(comp["hits"]), len(comp["misses"]), len(comp["false_alarms"])) == (1, 0, 0)


def test_wrong_line_is_a_miss_and_a_false_alarm():
    comp = diff.compare(CASE, [diag("ORM101", "pkg/m3.py", 13)])
    assert (len(comp["hits"]), len(comp["misses"]), len(comp["false_alarms"])) == (0, 1, 1)


def test_wrong_code_at_the_right_place_is_a_miss_and_a_false_alarm():
    comp = diff.compare(CASE, [diag("ORM202", "pkg/m3.py", 12)])
    assert (len(comp["hits"]), len(comp["misses"]), len(comp["false_alarms"])) == (0, 1, 1)


def test_any_also_location_hits_and_reports_at_every_location_are_not_false_alarms():
    comp = diff.compare(CYCLE, [diag("ORM201", "pkg/m4.py", 7)])
    assert len(comp["hits"]) == 1
    comp = diff.compare(CYCLE, [diag("ORM201", "pkg/m1.py", 5), diag("ORM201", "./pkg/m4.py", 7)])
    assert (len(comp["hits"]), len(comp["false_alarms"])) == (1, 0)


def test_anything_on_a_clean_case_is_a_false_alarm():
    comp = diff.compare(CLEAN, [diag("ORM301", "pkg/m1.py", 3, "warning")])
    assert (len(comp["hits"]), len(comp["misses"]), len(comp["false_alarms"])) == (0, 0, 1)


def test_scores_per_code_and_the_error_gate():
    results = [
        {"case": CASE, "comparison": diff.compare(CASE, [diag("ORM101", "pkg/m3.py", 12)])},
        {"case": CYCLE, "comparison": diff.compare(CYCLE, [])},
        {"case": CLEAN, "comparison": diff.compare(CLEAN, [diag("ORM104", "pkg/m1.py", 3, "warning")])},
    ]
    s = diff.score(results)
    assert s["codes"]["ORM101"] == {"cases": 1, "hits": 1, "misses": 0, "false_alarms": 0, "precision": 1.0, "recall": 1.0}
    assert s["codes"]["ORM201"]["recall"] == 0.0
    assert s["codes"]["ORM104"]["precision"] == 0.0
    assert s["errors"]["recall"] == 0.5
    assert s["errors"]["precision"] == 1.0  # the warning false alarm does not count against errors
    assert diff.gate({"2.0.54": s}) == ["SQLAlchemy 2.0.54: error recall 0.500 < 0.95"]
    perfect = diff.score(results[:1])
    assert diff.gate({"2.0.54": perfect}) == []


def test_parse_tolerates_logs_windows_paths_and_junk():
    out = 'INFO starting\n{"diagnostics": [{"path": "pkg\\\\m3.py", "code": "ORM101", "severity": "Error", "line": "12"}, {"nocode": 1}, 5]}\n'
    diags, problem = diff.parse_ormlens(out)
    assert problem is None
    assert diags == [{"code": "ORM101", "path": "pkg/m3.py", "line": 12, "severity": "error", "message": ""}]
    assert diff.parse_ormlens("")[1] == "no output"
    assert diff.parse_ormlens("Exception in thread main")[1] == "output is not JSON"
    assert diff.parse_ormlens('{"errors": []}')[1] == "no 'diagnostics' list"


def test_end_to_end_with_a_fake_ormlens(tmp_path, capsys):
    cases = tmp_path / "cases"
    for name, case in {"a": CASE, "b": CYCLE, "c": CLEAN}.items():
        (cases / name).mkdir(parents=True)
        (cases / name / "case.json").write_text(json.dumps(case))
    canned = {"a": [diag("ORM101", "pkg/m3.py", 12)], "b": [diag("ORM201", "pkg/m1.py", 5)], "c": []}
    fake = tmp_path / "fake_ormlens.py"
    fake.write_text(textwrap.dedent(f"""
        import json, sys, pathlib
        canned = {json.dumps(canned)}
        assert sys.argv[1] == "check" and sys.argv[3:] == ["--format", "json"]
        print(json.dumps({{"diagnostics": canned[pathlib.Path(sys.argv[2]).name]}}))
        sys.exit(1 if canned[pathlib.Path(sys.argv[2]).name] else 0)
    """))
    out_json = tmp_path / "out.json"
    code = diff.main([str(cases), "--ormlens", f"{sys.executable} {fake}", "--no-oracle", "--json", str(out_json)])
    assert code == 0
    report = json.loads(out_json.read_text())
    assert report["scores"]["labels"]["errors"] == {"hits": 2, "misses": 0, "false_alarms": 0, "precision": 1.0, "recall": 1.0}
    canned["b"] = []
    fake.write_text(fake.read_text().replace('"b": [{', '"b": [], "x": [{'))
    assert diff.main([str(cases), "--ormlens", f"{sys.executable} {fake}", "--no-oracle"]) == 1
    assert "error recall 0.500" in capsys.readouterr().out


def test_a_missing_ormlens_counts_as_misses_not_a_crash(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "case.json").write_text(json.dumps(CASE))
    assert diff.main([str(tmp_path), "--ormlens", "/nonexistent/ormlens", "--no-oracle"]) == 1
