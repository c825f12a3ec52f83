#!/usr/bin/env python3
"""End-to-end benchmark: drives language servers over stdio on generated workspaces.

For each size (models; three times as many non-model modules around them) it measures ORM Lens
(`java <launcher flags> -jar ormlens.jar lsp`):
  cold      process start -> workspace indexed (`ormlens/status` ready, or `$/progress` end),
            with the index cache removed first
  warm      the same with the cache the cold run saved
  edit      didChange -> publishDiagnostics of the edited file (debounce included), p50/p99,
            for an edit in the model module most other modules import
  requests  definition, hover, completion latency p50/p99 in that module
  memory    peak RSS (VmHWM) and peak Java heap (from the GC log)
and, when present, the peers on the same tree: `sqlalchemy-lsp check` and `sqlalchemy-lsp lsp`
(cold), and `pyright --outputjson` (cold), with ratios. Writes JSON.

Standard library only. Usage: see --help, or scripts/bench.sh.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def log(*a: object) -> None:
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- LSP over stdio


class Server:
    """A language server process; messages read on a thread, stamped with their arrival time."""

    def __init__(self, argv: list[str], cwd: Path, env: dict | None = None):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        self.peak_rss_kb = 0
        self.lock = threading.Lock()
        self.config = None
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._watch_memory, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put((time.monotonic(), None))
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put((time.monotonic(), json.loads(body)))

    def _watch_memory(self) -> None:
        while self.proc.poll() is None:
            self.peak_rss_kb = max(self.peak_rss_kb, vm_hwm_kb(self.proc.pid))
            time.sleep(0.2)

    def send(self, msg: dict) -> None:
        data = json.dumps(msg).encode()
        with self.lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
            self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 600) -> tuple[float, dict]:
        """Sends a request; returns (latency seconds, response). Answers server requests."""
        self.next_id += 1
        rid = self.next_id
        t0 = time.monotonic()
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            t, msg = self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)
            return t - t0, msg

    def wait(self, match, timeout: float) -> tuple[float, dict]:
        """The next message matching, answering the server's own requests on the way."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message")
            try:
                t, msg = self.inbox.get(timeout=left)
            except queue.Empty:
                raise TimeoutError("no matching message")
            if msg is None:
                raise EOFError("server exited")
            if "method" in msg and "id" in msg:
                self.answer(msg)
            if match(msg):
                return t, msg

    def quiet(self, seconds: float, timeout: float) -> float:
        """Waits until no message arrives for `seconds`; returns the last arrival time."""
        last = time.monotonic()
        deadline = last + timeout
        while time.monotonic() < deadline:
            try:
                t, msg = self.inbox.get(timeout=seconds)
            except queue.Empty:
                return last
            if msg is None:
                return last
            if "method" in msg and "id" in msg:
                self.answer(msg)
            last = t
        return last

    def answer(self, msg: dict) -> None:
        """Answers a request from the server: our settings for workspace/configuration."""
        result = None
        if msg["method"] == "workspace/configuration":
            items = (msg.get("params") or {}).get("items") or []
            result = [self.config for _ in items]
        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def stop(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a live process: robust where wall time is not (a busy box)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    except (OSError, IndexError, ValueError):
        return None


def uri(p: Path) -> str:
    return p.resolve().as_uri()


def settings(root: Path) -> dict | None:
    """The workspace's entry modules (case.json), as a user would configure them: without them
    every model module counts as a possible first import for the circular-import check."""
    case = root / "case.json"
    if case.exists():
        entries = json.loads(case.read_text()).get("entries") or []
        return {"entryModules": entries}
    return None


def initialize(server: Server, root: Path) -> None:
    server.config = settings(root)
    server.request("initialize", {
        "initializationOptions": server.config,
        "processId": os.getpid(),
        "rootUri": uri(root),
        "workspaceFolders": [{"uri": uri(root), "name": root.name}],
        "capabilities": {
            "window": {"workDoneProgress": True},
            "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                             "hover": {"contentFormat": ["markdown", "plaintext"]}},
            "workspace": {"workspaceFolders": True, "configuration": True},
        },
    })
    server.notify("initialized", {})


def is_ready(msg: dict) -> bool:
    if msg.get("method") == "ormlens/status":
        return (msg.get("params") or {}).get("state") in ("ready", "error")
    if msg.get("method") == "$/progress":
        return ((msg.get("params") or {}).get("value") or {}).get("kind") == "end"
    return False


# --------------------------------------------------------------------------- measurements


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))
    return round(s[k] * 1000, 2)


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": pct(values, 50), "p99_ms": pct(values, 99),
            "max_ms": pct(values, 100)}


def peak_heap_mb(gc_log: Path) -> float | None:
    peak = None
    if gc_log.exists():
        for m in re.finditer(r"(\d+)M->(\d+)M\((\d+)M\)", gc_log.read_text()):
            peak = max(peak or 0, int(m.group(1)))
    return peak


def ormlens_start(args, root: Path, gc_log: Path) -> Server:
    flags = args.jvm_flags.split() + [f"-Xlog:gc:file={gc_log}"]
    return Server([args.java, *flags, "-jar", str(args.jar), "lsp"], cwd=root)


def ormlens_index(args, root: Path, label: str) -> tuple[Server, dict]:
    gc_log = Path(args.work) / f"gc-{root.name}-{label}.log"
    gc_log.unlink(missing_ok=True)
    server = ormlens_start(args, root, gc_log)
    initialize(server, root)
    t, _ = server.wait(is_ready, args.timeout)
    return server, {"index_s": round(t - server.started, 3), "cpu_s": cpu_s(server.proc.pid),
                    "gc_log": str(gc_log)}


def find_edit_target(root: Path) -> tuple[Path, str]:
    """The model module most other modules import, and its text."""
    counts: dict[str, int] = {}
    for f in root.rglob("*.py"):
        for line in f.read_text(encoding="utf-8").splitlines():
            m = re.match(r"from (?:pkg\.|\.)(m\d+) import", line)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    best = max(counts, key=counts.get)
    path = root / "pkg" / f"{best}.py"
    return path, path.read_text(encoding="utf-8")


def position_of(text: str, needle: str, offset: int = 1) -> dict:
    i = text.index(needle) + offset
    line = text.count("\n", 0, i)
    col = i - (text.rfind("\n", 0, i) + 1)
    return {"line": line, "character": col}


def ormlens_session(args, root: Path) -> dict:
    result: dict = {}
    shutil.rmtree(root / ".ormlens-cache", ignore_errors=True)
    server, cold = ormlens_index(args, root, "cold")
    result["cold_index_s"] = cold["index_s"]
    result["cold_index_cpu_s"] = cold["cpu_s"]
    path, text = find_edit_target(root)
    doc = {"uri": uri(path), "languageId": "python", "version": 1, "text": text}
    server.notify("textDocument/didOpen", {"textDocument": doc})
    try:
        t, _ = server.wait(lambda msg: msg.get("method") == "textDocument/publishDiagnostics"
                           and msg["params"]["uri"] == doc["uri"], 120)
        # Process start -> the open model file's diagnostics published (the model is built).
        result["cold_to_diagnostics_s"] = round(t - server.started, 3)
    except TimeoutError:
        result["cold_to_diagnostics_s"] = None
    server.quiet(1.0, 30)

    # didChange -> publishDiagnostics for the edited file. Alternates an ORM101 typo in a
    # relationship target with the original text, so every edit changes the diagnostics.
    m = re.search(r'relationship\(\s*"(\w+)"', text) or re.search(r'Mapped\[list\["(\w+)"\]\]', text)
    broken = text[:m.start(1)] + m.group(1) + "Typo" + text[m.end(1):] if m else "# x\n" + text
    edits = []
    version = 1
    for i in range(args.edits):
        version += 1
        new = broken if i % 2 == 0 else text
        t0 = time.monotonic()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": doc["uri"], "version": version},
            "contentChanges": [{"text": new}]})
        t, _ = server.wait(
            lambda msg: msg.get("method") == "textDocument/publishDiagnostics"
            and msg["params"]["uri"] == doc["uri"]
            and msg["params"].get("version", version) == version, args.timeout)
        edits.append(t - t0)
    result["did_change_to_diagnostics"] = summary(edits)

    # Requests at a class name used in the module (a relationship target string or a base).
    text_now = text if args.edits % 2 == 0 else broken
    at = None
    if m:
        at = position_of(text_now, '"' + m.group(1), 2)
    else:
        at = position_of(text_now, "class ", 7)
    td = {"textDocument": {"uri": doc["uri"]}, "position": at}
    for method in ("textDocument/definition", "textDocument/hover", "textDocument/completion"):
        lat = []
        for _ in range(args.requests):
            dt, _ = server.request(method, td, args.timeout)
            lat.append(dt)
        result[method.split("/")[1]] = summary(lat)
    result["peak_rss_mb"] = round(max(server.peak_rss_kb, vm_hwm_kb(server.proc.pid)) / 1024, 1)
    server.stop()
    result["peak_heap_mb"] = peak_heap_mb(Path(cold["gc_log"]))

    warm_runs = []
    warm_cpu = []
    for _ in range(args.warm_runs):
        server, warm = ormlens_index(args, root, "warm")
        warm_runs.append(warm["index_s"])
        warm_cpu.append(warm["cpu_s"])
        result["warm_peak_rss_mb"] = round(server.peak_rss_kb / 1024, 1)
        server.stop()
    result["warm_start_s"] = statistics.median(warm_runs) if warm_runs else None
    result["warm_runs_s"] = warm_runs
    result["warm_start_cpu_s"] = statistics.median(warm_cpu) if warm_cpu else None
    return result


def timed(argv: list[str], cwd: Path, timeout: float) -> dict:
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]

    def watch():
        while proc.returncode is None:
            peak[0] = max(peak[0], vm_hwm_kb(proc.pid))
            time.sleep(0.05)
            if time.monotonic() - t0 > timeout:
                proc.kill()

    threading.Thread(target=watch, daemon=True).start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t0
    if wall > timeout:
        return {"timeout_s": timeout}
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "exit": proc.returncode, "peak_rss_mb": round(peak[0] / 1024, 1)}


def peer_lsp_cold(argv: list[str], root: Path, timeout: float) -> dict:
    """Process start -> diagnostics stop arriving (2 s quiet, not counted)."""
    server = Server(argv, cwd=root)
    try:
        initialize(server, root)
        _, _ = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           or is_ready(m), timeout)
        last = server.quiet(2.0, timeout)
        return {"index_s": round(last - server.started, 3), "cpu_s": cpu_s(server.proc.pid),
                "peak_rss_mb": round(server.peak_rss_kb / 1024, 1)}
    except (TimeoutError, EOFError) as e:
        return {"error": str(e)}
    finally:
        server.stop()


def peers(args, root: Path) -> dict:
    out: dict = {}
    peer = Path(args.sqlalchemy_lsp)
    if peer.exists():
        out["sqlalchemy_lsp_check"] = timed([str(peer), "check", str(root)], root, args.timeout)
        out["sqlalchemy_lsp_lsp"] = peer_lsp_cold([str(peer), "lsp"], root, args.timeout)
    pyright = Path(args.pyright_dir) / "node_modules" / ".bin" / "pyright"
    if pyright.exists() and not args.quick and not args.skip_pyright:
        out["pyright_check"] = timed([str(pyright), "--outputjson", str(root)], root,
                                     args.pyright_timeout)
    return out


def generate(args, models: int) -> Path:
    root = Path(args.work) / f"m{models}"
    if not (root / "case.json").exists():
        shutil.rmtree(root, ignore_errors=True)
        subprocess.run([sys.executable, str(args.generator), "--out", str(root), "--models",
                        str(models), "--style", "mixed", "--seed", "1", "--noise-modules",
                        str(models * 3)], check=True, stdout=subprocess.DEVNULL)
    return root


def machine() -> dict:
    def run(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip() or \
                subprocess.run(cmd, capture_output=True, text=True).stderr.strip()
        except OSError:
            return None
    load = os.getloadavg()
    return {"nproc": os.cpu_count(), "platform": platform.platform(),
            "mem": run(["free", "-h"]), "java": run(["java", "-version"]),
            "loadavg_at_start": [round(x, 2) for x in load]}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="100,1000,10000")
    p.add_argument("--quick", action="store_true",
                   help="100 models, few iterations, no pyright: a crash check, not a measurement")
    p.add_argument("--jar", type=Path, default=REPO / "server/lsp/target/ormlens.jar")
    p.add_argument("--java", default="java")
    p.add_argument("--jvm-flags", default="-XX:+UseSerialGC -Xss4m",
                   help="the launcher's JVM flags (vscode-client/src/logic/launch.ts)")
    p.add_argument("--generator", type=Path, default=REPO / "bench/generate.py")
    p.add_argument("--work", default="/tmp/ormlens-bench")
    p.add_argument("--out", type=Path, default=REPO / "build/bench/results.json")
    p.add_argument("--edits", type=int, default=40)
    p.add_argument("--requests", type=int, default=200)
    p.add_argument("--warm-runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=900)
    p.add_argument("--sqlalchemy-lsp", default="/tmp/peer/bin/sqlalchemy-lsp")
    p.add_argument("--pyright-dir", default="/tmp/pyright-bench",
                   help="where `npm install pyright@1.1.407` was run")
    p.add_argument("--pyright-timeout", type=float, default=1800)
    p.add_argument("--no-peers", action="store_true")
    p.add_argument("--skip-pyright", action="store_true")
    args = p.parse_args()
    if args.quick:
        args.sizes, args.edits, args.requests, args.warm_runs = "100", 6, 20, 1
    Path(args.work).mkdir(parents=True, exist_ok=True)
    if not args.jar.exists():
        log(f"no {args.jar}: run `mvn -q package -DskipTests` first")
        return 2
    report = {"machine": machine(), "jvm_flags": args.jvm_flags, "sizes": {}}
    for models in [int(s) for s in args.sizes.split(",")]:
        log(f"== {models} models, {models * 3} other modules")
        root = generate(args, models)
        files = list(root.rglob("*.py"))
        entry = {"files": len(files),
                 "megabytes": round(sum(f.stat().st_size for f in files) / 1e6, 1),
                 "ormlens": ormlens_session(args, root)}
        log(json.dumps(entry["ormlens"]))
        if not args.no_peers:
            entry["peers"] = peers(args, root)
            log(json.dumps(entry["peers"]))
            cold = entry["ormlens"]["cold_index_s"]
            ratios = {}
            for name, r in entry["peers"].items():
                t = r.get("wall_s") or r.get("index_s")
                if t:
                    ratios[f"{name}_over_ormlens_cold"] = round(t / cold, 2)
            entry["ratios"] = ratios
        report["sizes"][str(models)] = entry
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
