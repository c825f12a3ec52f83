"""The real-world runner's judgement: errors are false alarms, warnings must match their verdicts,
and unpacking never writes outside its folder. ORM Lens itself is replaced by canned reports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
import realworld  # noqa: E402


def fake_ormlens(monkeypatch, diagnostics):
    def run(command, cwd=None, capture_output=False, text=False, **_):
        if "check" in command:
            out = json.dumps({"diagnostics": diagnostics, "notes": []})
        else:
            out = 'erDiagram\n    Parent["Parent (parent)"] {\n    }\n'
        return subprocess.CompletedProcess(command, 0, stdout=out, stderr="")
    monkeypatch.setattr(realworld.subprocess, "run", run)


def diag(code, severity):
    return {"code": code, "severity": severity, "path": "m.py", "line": 1, "column": 1,
            "endLine": 1, "endColumn": 2, "message": "", "related": []}


PROJECT = {"name": "p", "version": "1", "expected": {"ORM104": {"count": 1, "verdict": "real"}}}


def test_judged_warnings_pass(monkeypatch, tmp_path):
    fake_ormlens(monkeypatch, [diag("ORM104", "warning")])
    result = realworld.check(PROJECT, tmp_path, "ormlens.jar")
    assert result["verdict"] == "ok"
    assert result["models"] == 1


def test_any_error_is_a_false_alarm(monkeypatch, tmp_path):
    fake_ormlens(monkeypatch, [diag("ORM104", "warning"), diag("ORM101", "error")])
    assert "false alarms" in realworld.check(PROJECT, tmp_path, "ormlens.jar")["verdict"]


def test_a_new_warning_needs_a_verdict(monkeypatch, tmp_path):
    fake_ormlens(monkeypatch, [diag("ORM104", "warning"), diag("ORM301", "warning")])
    assert "judged" in realworld.check(PROJECT, tmp_path, "ormlens.jar")["verdict"]


def test_unpacking_keeps_source_and_small_data_files_inside_the_folder(tmp_path):
    archive = tmp_path / "p-1.tar.gz"
    with tarfile.open(archive, "w:gz") as t:
        for name, data in [("p-1/pkg/models.py", b"x = 1\n"), ("p-1/README.md", b"#"),
                           ("p-1/pkg/logo.png", b"\x89PNG"),
                           ("p-1/big.json", b" " * (realworld.MAX_DATA_FILE + 1)),
                           ("p-1/../../evil.py", b"boom")]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    dest = tmp_path / "src"
    dest.mkdir()
    realworld.unpack(archive, dest)
    assert sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()) == [
        "README.md", "pkg/models.py"]
    assert not (tmp_path.parent / "evil.py").exists()

    wheel = tmp_path / "p-1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr("pkg/a.py", "y = 2\n")
        z.writestr("pkg-1.dist-info/METADATA", "")
    wheel_dest = tmp_path / "wheel"
    wheel_dest.mkdir()
    realworld.unpack(wheel, wheel_dest)
    assert [p.name for p in wheel_dest.rglob("*.py")] == ["a.py"]
