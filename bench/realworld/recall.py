#!/usr/bin/env python3
"""Definition recall on a real project: ORM Lens's go-to-definition against what SQLAlchemy resolved.

    python3 bench/realworld/recall.py SRC_DIR ORACLE.json [--ormlens CMD] [--misses N]

ORACLE.json is what bench/realworld/import_oracle.py wrote for SRC_DIR (SQLAlchemy's own answers:
each relationship's target class, ``secondary`` table and ``back_populates`` partner, each foreign
key's column). This script finds, with Python's ``ast``, where each of those references is written
in the source, starts ``ormlens lsp`` on SRC_DIR and asks ``textDocument/definition`` there. Kinds:

- ``target``: the first argument of ``relationship()`` (a string, a name or a lambda's body);
- ``annotation``: the class named inside ``Mapped[...]`` on that attribute;
- ``secondary``: the ``secondary=`` argument;
- ``back_populates``: the ``back_populates=`` string;
- ``fk_table`` and ``fk_column``: the two parts of a ``ForeignKey("table.column")`` string.

A site is a hit when a returned location is where SQLAlchemy's answer is written (the target's
``class`` line in its file; the partner attribute in the target or one of its bases; the table's
name or mapped class; the column's line), wrong when ORM Lens answers somewhere else, and a miss
when it answers nothing. Prints one JSON object: per kind, sites, hits, wrong, missed and recall.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lsp_bench import Server, is_ready, uri  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
KINDS = ("target", "annotation", "secondary", "back_populates", "fk_table", "fk_column")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("oracle", type=Path)
    parser.add_argument("--ormlens", default=f"java -Xss4m -jar {REPO}/server/lsp/target/ormlens.jar")
    parser.add_argument("--misses", type=int, default=0, help="print up to N missed or wrong sites")
    args = parser.parse_args(argv)
    src = args.src.resolve()
    oracle = json.loads(args.oracle.read_text(encoding="utf-8"))
    found = list(sites(src, oracle))
    answers = ask_definitions(src, found, args.ormlens.split())
    score = judge(src, found, answers)
    shown = [s for s in score.pop("_cases") if s["verdict"] != "hit"][: args.misses]
    for s in shown:
        print(json.dumps(s), file=sys.stderr)
    print(json.dumps(score, indent=1))
    return 0


# ---------------------------------------------------------------------------
# Where SQLAlchemy's answers are written


class Site(dict):
    """kind, file, line and character (0-based, UTF-16) of a reference, and what it must reach."""


def sites(src: Path, oracle: dict) -> Iterator[Site]:
    trees = SourceCache(src)
    tables = defaultdict(list)
    for cls in oracle["classes"]:
        if cls.get("table"):
            tables[cls["table"].split(".")[-1]].append(cls)
    for cls in oracle["classes"]:
        body = trees.class_body(cls["file"], cls["name"])
        if body is None:
            continue
        assignments = attribute_calls(body)
        for rel in cls["relationships"]:
            if "error" in rel or rel["key"] not in assignments:
                continue
            call, annotation = assignments[rel["key"]]
            yield from relationship_sites(trees, cls["file"], rel, call, annotation)
    specs = oracle["foreign_keys"]
    imported = {m.replace(".", "/") for m in oracle["imported"]}
    for file in trees.files():
        module = file[:-3].removesuffix("/__init__")
        if not any(module.endswith(m) for m in imported):
            continue
        for node in ast.walk(trees.tree(file) or ast.Module(body=[], type_ignores=[])):
            if isinstance(node, ast.Call) and call_name(node) == "ForeignKey" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value in specs:
                    yield from foreign_key_sites(trees, file, arg, specs[arg.value], tables)


def relationship_sites(trees: "SourceCache", file: str, rel: dict, call: ast.Call,
                       annotation: ast.expr | None) -> Iterator[Site]:
    expect = {"class": rel["target_class"], "file": rel["target_file"]}
    if call.args:
        node = call.args[0]
        node = node.body if isinstance(node, ast.Lambda) else node
        at = reference_position(trees, file, node)
        if at:
            yield Site(kind="target", file=file, **at, expect=expect)
    if annotation is not None:
        for node in ast.walk(annotation):
            text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else (
                node.id if isinstance(node, ast.Name) else None)
            if text and text.strip("'\" ").split(".")[-1] == rel["target_class"]:
                at = reference_position(trees, file, node)
                if at:
                    yield Site(kind="annotation", file=file, **at, expect=expect)
                break
    for keyword in call.keywords:
        if keyword.arg == "secondary" and rel.get("secondary"):
            node = keyword.value.body if isinstance(keyword.value, ast.Lambda) else keyword.value
            at = reference_position(trees, file, node)
            if at:
                name = node.id if isinstance(node, ast.Name) else (
                    node.attr if isinstance(node, ast.Attribute) else None)
                yield Site(kind="secondary", file=file, **at, expect={"table": rel["secondary"], "name": name})
        if keyword.arg == "back_populates" and rel.get("back_populates") and not rel.get("back_populates_missing"):
            at = reference_position(trees, file, keyword.value)
            if at:
                yield Site(kind="back_populates", file=file, **at,
                           expect={"attribute": rel["back_populates"], "files": rel["target_files"]})


def foreign_key_sites(trees: "SourceCache", file: str, arg: ast.Constant, target: dict,
                      tables: dict) -> Iterator[Site]:
    at = reference_position(trees, file, arg)
    if not at:
        return
    spec = arg.value
    table_part = spec.rsplit(".", 1)[0]
    table_offset = len(table_part) - len(table_part.split(".")[-1])
    classes = [{"class": c["class"], "file": c["file"]} for c in tables.get(target["table"], [])]
    yield Site(kind="fk_table", file=file, line=at["line"], character=at["character"] + table_offset,
               expect={"table": target["table"], "classes": classes})
    yield Site(kind="fk_column", file=file, line=at["line"], character=at["character"] + len(table_part) + 1,
               expect={"column": target["column"]})


def attribute_calls(body: list[ast.stmt]) -> dict[str, tuple[ast.Call, ast.expr | None]]:
    """Class-body attributes assigned a call: ``x = relationship(...)``, ``x: Mapped[...] = ...``."""
    found = {}
    for stmt in body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = (stmt.value, None)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and isinstance(stmt.value, ast.Call):
            found[stmt.target.id] = (stmt.value, stmt.annotation)
    return {k: v for k, v in found.items() if call_name(v[0]).lower().endswith("relationship")}


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else (func.attr if isinstance(func, ast.Attribute) else "")


def reference_position(trees: "SourceCache", file: str, node: ast.expr) -> dict | None:
    """Where to put the cursor: inside a string's quotes, or on a name's last part."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        line, col = node.lineno, node.col_offset
        text = trees.line(file, line)
        quote = next((i for i in range(col, len(text)) if text[i:i + 1] in (b"'", b'"')), None)
        if quote is None or node.end_lineno != line:
            return None
        return {"line": line - 1, "character": utf16(text, quote + 1)}
    if isinstance(node, ast.Attribute) and node.end_lineno == node.lineno:
        text = trees.line(file, node.end_lineno)
        return {"line": node.end_lineno - 1, "character": utf16(text, node.end_col_offset - 1)}
    if isinstance(node, ast.Name):
        text = trees.line(file, node.lineno)
        return {"line": node.lineno - 1, "character": utf16(text, node.col_offset)}
    return None


def utf16(line_bytes: bytes, byte_index: int) -> int:
    return len(line_bytes[:byte_index].decode("utf-8", errors="replace").encode("utf-16-le")) // 2


class SourceCache:
    def __init__(self, src: Path):
        self.src = src
        self.trees: dict[str, ast.Module | None] = {}
        self.lines: dict[str, list[bytes]] = {}

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.src)) for p in self.src.rglob("*.py"))

    def tree(self, file: str) -> ast.Module | None:
        if file not in self.trees:
            data = (self.src / file).read_bytes()
            self.lines[file] = data.splitlines()
            try:
                self.trees[file] = ast.parse(data)
            except (SyntaxError, ValueError):
                self.trees[file] = None
        return self.trees[file]

    def line(self, file: str, lineno: int) -> bytes:
        self.tree(file)
        return self.lines[file][lineno - 1]

    def class_body(self, file: str, qualified: str) -> list[ast.stmt] | None:
        tree = self.tree(file)
        if tree is None:
            return None
        name = qualified.rsplit(".", 1)[-1]
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == name:
                return node.body
        return None


# ---------------------------------------------------------------------------
# Asking ORM Lens


def ask_definitions(src: Path, found: list[Site], argv: list[str]) -> list[list[dict]]:
    server = Server(argv + ["lsp"], src)
    answers: list[list[dict]] = []
    try:
        server.request("initialize", {
            "processId": None, "rootUri": uri(src), "workspaceFolders": [{"uri": uri(src), "name": src.name}],
            "capabilities": {"window": {"workDoneProgress": True}, "workspace": {"configuration": True}}})
        server.notify("initialized", {})
        server.wait(is_ready, timeout=600)
        opened = None
        for site in found:
            doc = {"uri": uri(src / site["file"])}
            if site["file"] != opened:
                if opened:
                    server.notify("textDocument/didClose", {"textDocument": {"uri": uri(src / opened)}})
                text = (src / site["file"]).read_text(encoding="utf-8", errors="replace")
                server.notify("textDocument/didOpen", {"textDocument": {**doc, "languageId": "python",
                                                                          "version": 1, "text": text}})
                opened = site["file"]
            _, msg = server.request("textDocument/definition", {
                "textDocument": doc, "position": {"line": site["line"], "character": site["character"]}},
                timeout=60)
            result = msg.get("result") or []
            answers.append(result if isinstance(result, list) else [result])
    finally:
        server.stop()
    return answers


# ---------------------------------------------------------------------------
# Judging


def judge(src: Path, found: list[Site], answers: list[list[dict]]) -> dict[str, Any]:
    counts = {k: {"sites": 0, "hits": 0, "wrong": 0, "missed": 0} for k in KINDS}
    cases = []
    for site, answer in zip(found, answers):
        places = [place(src, a) for a in answer]
        places = [p for p in places if p]
        verdict = "missed" if not places else ("hit" if any(reaches(site, *p) for p in places) else "wrong")
        counts[site["kind"]]["sites"] += 1
        counts[site["kind"]]["hits" if verdict == "hit" else verdict] += 1
        cases.append({**site, "verdict": verdict, "answer": [f"{f}:{n + 1}: {t.strip()[:80]}" for f, n, t in places]})
    for c in counts.values():
        c["recall"] = round(c["hits"] / c["sites"], 4) if c["sites"] else None
    return {"kinds": counts, "_cases": cases}


def place(src: Path, location: dict) -> tuple[str, int, str] | None:
    target = location.get("targetUri") or location.get("uri")
    rng = location.get("targetSelectionRange") or location.get("range")
    if not target or not rng or not target.startswith("file://"):
        return None
    from urllib.parse import unquote, urlparse

    path = Path(unquote(urlparse(target).path))
    try:
        relative = str(path.resolve().relative_to(src))
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except (ValueError, OSError):
        return None
    line = rng["start"]["line"]
    return relative, line, lines[line] if line < len(lines) else ""


def reaches(site: Site, file: str, line: int, text: str) -> bool:
    expect = site["expect"]
    kind = site["kind"]
    if kind in ("target", "annotation"):
        return file == expect["file"] and re.search(rf"\bclass\s+{re.escape(expect['class'])}\b", text) is not None
    if kind == "back_populates":
        return file in expect["files"] and re.search(rf"\b{re.escape(expect['attribute'])}\b\s*[:=]", text) is not None
    if kind == "secondary":
        named = expect["name"] and re.search(rf"\b{re.escape(expect['name'])}\s*[:=]", text)
        return bool(named) or quoted(expect["table"], text)
    if kind == "fk_table":
        return quoted(expect["table"], text) or any(
            file == c["file"] and re.search(rf"\bclass\s+{re.escape(c['class'])}\b", text) for c in expect["classes"])
    if kind == "fk_column":
        return re.search(rf"\b{re.escape(expect['column'])}\b", text) is not None
    return False


def quoted(name: str, text: str) -> bool:
    return f'"{name}"' in text or f"'{name}'" in text


if __name__ == "__main__":
    sys.exit(main())
