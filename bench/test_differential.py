"""bench/differential.py: the comparison logic on hand-made ORM Lens output, and the gate
on real ORM Lens output with and without deliberate faults (needs the jar)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import differential as diff
import pytest

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
    assert s["codes"]["ORM101"] == {"cases": 1, "clean": 2, "hits": 1, "misses": 0, "false_alarms": 0, "precision": 1.0, "recall": 1.0}
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
        assert sys.argv[1] == "check" and sys.argv[-2:] == ["--format", "json"]
        cases = sys.argv[2:-2]
        found = [dict(d, path=case + "/" + d["path"]) for case in cases for d in canned[pathlib.Path(case).name]]
        print(json.dumps({{"diagnostics": found}}))
        sys.exit(1 if found else 0)
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


# ---------------------------------------------------------------------------
# The bench can fail: the real ORM Lens passes on a small generated sample; the same
# output with a deliberately broken resolver (bench/fault_ormlens.py) fails.

JAR = Path(__file__).resolve().parent.parent / "server" / "lsp" / "target" / "ormlens.jar"


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    if not JAR.exists():
        pytest.skip(f"no {JAR}: build it with mvn package (scripts/test-all.sh does)")
    import generate

    base = tmp_path_factory.mktemp("gate")
    cases = base / "cases"
    for style in ("declarative2", "flask", "imperative"):
        generate.generate_cases(cases / style, 10, 1, styles=[style])
    record = base / "ormlens.json"
    fake = Path(__file__).resolve().parent / "fault_ormlens.py"
    args = [str(cases), "--no-oracle", "--workers", "1"]
    code = diff.main(args + ["--ormlens", f"{sys.executable} {fake} --record {record} --jar {JAR}"])
    return {"args": args, "record": record, "fake": fake, "real_exit": code}


def run_with_fault(recorded, fault, tmp_path):
    out = tmp_path / f"{fault}.json"
    command = f"{sys.executable} {recorded['fake']} --replay {recorded['record']} --fault {fault}"
    code = diff.main(recorded["args"] + ["--ormlens", command, "--json", str(out)])
    return code, json.loads(out.read_text())


def test_the_real_ormlens_passes_the_gate(recorded, tmp_path):
    assert recorded["real_exit"] == 0
    code, report = run_with_fault(recorded, "none", tmp_path)
    assert code == 0 and report["failures"] == []


def test_a_resolver_that_gives_up_on_half_the_names_fails_on_recall(recorded, tmp_path):
    code, report = run_with_fault(recorded, "drop-errors", tmp_path)
    assert code == 1
    assert report["scores"]["labels"]["errors"]["recall"] < diff.MIN_RECALL
    assert any("error recall" in f for f in report["failures"])


def test_a_resolver_that_finds_nothing_fails_on_precision(recorded, tmp_path):
    code, report = run_with_fault(recorded, "unresolved-everywhere", tmp_path)
    assert code == 1
    assert report["scores"]["labels"]["errors"]["precision"] < diff.MIN_PRECISION
    assert any("error precision" in f for f in report["failures"])
