#!/usr/bin/env python3
"""Every LSP request at every finding and every reference of a workspace: no error response.

    python3 bench/lsp_sweep.py DIR [--limit N] [--ormlens CMD]

Starts `ormlens lsp` on DIR (a real project, e.g. build/realworld/src/galaxy-data), waits for the
index, and for each file that has findings or relationships opens it and sends, at every finding
and at every relationship string: textDocument/codeAction (with the finding in its context, and
with code-action resolve support, so each action's edit is then resolved by codeAction/resolve),
hover, definition, references, prepareRename and rename, plus codeLens and documentSymbol per
file. Any error response, and any server exit, is a failure (cancellation and ContentModified
excepted). Prints the counts; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_bench import Server, is_ready, uri  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FORGIVEN = {-32800, -32801}  # RequestCancelled, ContentModified
STRING = re.compile(r'(relationship|back_populates|secondary|ForeignKey)\(?=?\s*["\']')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--limit", type=int, default=400, help="files at most")
    parser.add_argument("--ormlens", default=f"java -Xss4m -jar {REPO}/server/lsp/target/ormlens.jar")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    cmd = args.ormlens.split()
    check = subprocess.run(cmd + ["check", ".", "--format", "json", "--exit-zero"], cwd=root,
                           capture_output=True, text=True)
    by_file: dict[str, list[dict]] = {}
    for d in json.loads(check.stdout)["diagnostics"]:
        by_file.setdefault(d["path"], []).append(d)
    for f in sorted(root.rglob("*.py")):
        rel = str(f.relative_to(root))
        if len(by_file) >= args.limit:
            break
        if rel not in by_file and "relationship(" in f.read_text(encoding="utf-8", errors="replace"):
            by_file[rel] = []

    server = Server(cmd + ["lsp"], root)
    counts = {"requests": 0, "errors": 0, "files": 0}
    failures: list[str] = []

    def ask(method: str, params: dict) -> dict | None:
        counts["requests"] += 1
        _, msg = server.request(method, params, timeout=60)
        err = msg.get("error")
        if err and err.get("code") not in FORGIVEN:
            counts["errors"] += 1
            failures.append(f"{method} {json.dumps(params)[:160]}: {err.get('code')} {err.get('message', '')[:200]}")
            return None
        return msg.get("result")

    try:
        server.config = None
        server.request("initialize", {
            "processId": None, "rootUri": uri(root),
            "workspaceFolders": [{"uri": uri(root), "name": root.name}],
            "capabilities": {
                "window": {"workDoneProgress": True},
                "textDocument": {"publishDiagnostics": {}, "codeAction": {
                    "resolveSupport": {"properties": ["edit"]},
                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source", "refactor"]}}},
                    "rename": {"prepareSupport": True}},
                "workspace": {"workspaceFolders": True, "configuration": True},
            }})
        server.notify("initialized", {})
        server.wait(is_ready, timeout=600)
        for rel, diagnostics in by_file.items():
            path = root / rel
            text = path.read_text(encoding="utf-8", errors="replace")
            doc = {"uri": uri(path)}
            server.notify("textDocument/didOpen", {"textDocument": {**doc, "languageId": "python", "version": 1, "text": text}})
            counts["files"] += 1
            positions = [{"line": d["line"] - 1, "character": d["column"] - 1} for d in diagnostics]
            for i, line in enumerate(text.splitlines()):
                for m in STRING.finditer(line):
                    quote = line.find('"', m.end() - 1)
                    quote = quote if quote >= 0 else line.find("'", m.end() - 1)
                    positions.append({"line": i, "character": utf16(line, max(0, quote) + 1)})
            ask("textDocument/codeLens", {"textDocument": doc})
            ask("textDocument/documentSymbol", {"textDocument": doc})
            for d in diagnostics:
                start = {"line": d["line"] - 1, "character": d["column"] - 1}
                end = {"line": d["endLine"] - 1, "character": d["endColumn"] - 1}
                lsp_diag = {"range": {"start": start, "end": end}, "code": d["code"], "message": d["message"],
                            "source": "ormlens", "severity": 1 if d["severity"] == "error" else 2}
                actions = ask("textDocument/codeAction", {"textDocument": doc, "range": {"start": start, "end": end},
                                                          "context": {"diagnostics": [lsp_diag]}}) or []
                for a in actions:
                    if isinstance(a, dict) and "data" in a and "edit" not in a:
                        ask("codeAction/resolve", a)
            for p in positions:
                at = {"textDocument": doc, "position": p}
                ask("textDocument/hover", at)
                ask("textDocument/definition", at)
                ask("textDocument/references", {**at, "context": {"includeDeclaration": True}})
                if ask("textDocument/prepareRename", at):
                    ask("textDocument/rename", {**at, "newName": "Renamed"})
            server.notify("textDocument/didClose", {"textDocument": doc})
    except (EOFError, TimeoutError) as e:
        failures.append(f"server stopped answering: {e!r}")
    finally:
        server.stop()
    for f in failures[:40]:
        print(f)
    print(f"lsp sweep: {counts['files']} files, {counts['requests']} requests, {len(failures)} failure(s)")
    return 1 if failures else 0


def utf16(line: str, index: int) -> int:
    return len(line[:index].encode("utf-16-le")) // 2


if __name__ == "__main__":
    sys.exit(main())
