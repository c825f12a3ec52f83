#!/usr/bin/env python3
"""The ground truth: what SQLAlchemy itself does with a package of models.

Runs inside one of the venvs made by bench/setup-venvs.sh (stdlib + SQLAlchemy
only; Flask-SQLAlchemy and SQLModel are used when the package imports them).

    python bench/oracle.py --root DIR --entry MODULE [--entry MODULE ...]

does what an application does with the package at DIR:

1. ``import`` the entry modules in order (DIR first on ``sys.path``);
2. ``sqlalchemy.orm.configure_mappers()``;
3. ``create_all`` on an in-memory SQLite engine for every ``MetaData`` in use;
4. a round trip for every relationship of every mapper (also mappers whose
   class was first imported during configuration): make a parent and a
   related child, append or assign, commit, load back in a fresh session and
   touch the relationship.

It prints one JSON object on stdout and exits 0 whenever it could print it:
errors raised by the user's code are data.  It exits non-zero only when the
oracle itself is broken.  User code that prints cannot corrupt the JSON: file
descriptor 1 points at stderr while user code runs.
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import enum
import importlib
import itertools
import json
import os
import re
import sys
import traceback
import uuid
import warnings
from typing import Any

STAGES = ("import", "configure", "create_all", "roundtrip")
EXIT_ORACLE_BUG = 3


class RoundTripMismatch(Exception):
    """The round trip ran without an exception but did not read back what it wrote."""
_CODE_IN_MESSAGE = re.compile(r"sqlalche\.me/e/[\w.]+/(\w+)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", help="directory put first on sys.path")
    parser.add_argument("--entry", action="append", help="module to import, in order")
    parser.add_argument("--no-roundtrip", action="store_true", help="stop after create_all")
    parser.add_argument("--indent", type=int, default=None)
    parser.add_argument("--batch", action="store_true",
                        help='read jobs {"root", "entries", "roundtrip"} as JSON lines on stdin; '
                             "run each in a forked child; print one JSON line per job with its index")
    parser.add_argument("--jobs", type=int, default=2, help="children at once in --batch mode")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per job in --batch mode")
    args = parser.parse_args(argv)
    if args.batch:
        return batch(sys.stdin, args.jobs, args.timeout)
    if not args.root or not args.entry:
        parser.error("--root and --entry are required (or --batch)")

    real_stdout = _divert_stdout()
    result = run(args.root, args.entry, roundtrip=not args.no_roundtrip)
    text = json.dumps(result, indent=args.indent, sort_keys=False, default=str)
    with os.fdopen(real_stdout, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    return EXIT_ORACLE_BUG if result.get("oracle_bug") else 0


def batch(lines: Any, max_jobs: int, timeout: float) -> int:
    """Runs many jobs, each in a child forked from a process that has already
    imported SQLAlchemy: every job still starts with no user module and no mapper,
    as a fresh interpreter would, without paying the interpreter and import start-up
    (seconds on a slow disk) once per job. Prints {"index": i, ...report} lines as
    jobs finish; a job whose child died is {"index": i, "oracle_failure": "..."}."""
    import signal
    import tempfile
    import time

    import sqlalchemy.dialects.sqlite  # noqa: F401 - what every job needs
    import sqlalchemy.orm  # noqa: F401

    jobs = [json.loads(line) for line in lines if line.strip()]
    out = os.fdopen(_divert_stdout(), "w", encoding="utf-8")
    pending = list(enumerate(jobs))
    running: dict[int, tuple[int, str, float]] = {}
    worst = 0
    while pending or running:
        while pending and len(running) < max(1, max_jobs):
            index, job = pending.pop(0)
            fd, path = tempfile.mkstemp(prefix="ormlens-oracle-", suffix=".json")
            os.close(fd)
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: one job, then _exit without running the parent's cleanup
                code = 70
                try:
                    report = run(job["root"], job["entries"], job.get("roundtrip", True))
                    with open(path, "w", encoding="utf-8") as f:
                        json.dump(report, f, default=str)
                    code = EXIT_ORACLE_BUG if report.get("oracle_bug") else 0
                except BaseException:  # noqa: BLE001
                    traceback.print_exc()
                finally:
                    os._exit(code)
            running[pid] = (index, path, time.monotonic())
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            now = time.monotonic()
            for child, (index, path, start) in list(running.items()):
                if now - start > timeout:
                    os.kill(child, signal.SIGKILL)
            time.sleep(0.005)
            continue
        index, path, start = running.pop(pid)
        code = os.waitstatus_to_exitcode(status)
        try:
            with open(path, encoding="utf-8") as f:
                record = {"index": index, **json.load(f)}
        except (OSError, ValueError):
            record = {"index": index, "oracle_failure": f"child exited {code} without a report"}
        finally:
            if os.path.exists(path):
                os.unlink(path)
        if code != 0 and "oracle_failure" not in record:
            record["oracle_failure"] = f"child exited {code}"
        worst = max(worst, 1 if code else 0)
        out.write(json.dumps(record, default=str) + "\n")
        out.flush()
    out.close()
    return worst


def run(root_arg: str, entries: list[str], roundtrip: bool = True) -> dict[str, Any]:
    """Runs the four stages and returns the report; never raises for user errors."""
    root = os.path.abspath(root_arg)
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checked tree
    sys.path.insert(0, root)
    import sqlalchemy
    from sqlalchemy import orm

    result: dict[str, Any] = {
        "sqlalchemy": sqlalchemy.__version__,
        "python": sys.version.split()[0],
        "root": root_arg,
        "entries": list(entries),
        "stage": "ok",
        "error": None,
        "warnings": [],
        "mapped_classes": [],
        "imported_during_configure": [],
        "tables": [],
        "relationships": [],
        "roundtrip_failures": [],
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        stage = "import"
        before_configure: set[str] = set()
        try:
            for entry in entries:
                importlib.import_module(entry)
            before_configure = {_class_name(m.class_) for m in _all_mappers()}
            stage = "configure"
            orm.configure_mappers()
            stage = "create_all"
            engines = _create_all(root)
            if roundtrip:
                stage = "roundtrip"
                _roundtrip_all(engines, result, before_configure)
        except BaseException as exc:  # noqa: BLE001 - user code may raise anything
            if isinstance(exc, KeyboardInterrupt):
                raise
            result["stage"] = stage
            result["error"] = _describe_error(exc, stage, root)
            if _raised_by_oracle(exc):
                # The oracle's own code failed: the report would blame the user for it.
                result["oracle_bug"] = True
                traceback.print_exception(exc, file=sys.stderr)
        try:
            mapped = sorted({_class_name(m.class_) for m in _all_mappers()})
        except Exception:  # noqa: BLE001 - a broken registry still gets reported
            mapped = []
        result["mapped_classes"] = mapped
        if stage != "import":
            result["imported_during_configure"] = sorted(set(mapped) - before_configure)
        result["tables"] = sorted({t.fullname for md in _metadatas(root) for t in md.tables.values()})
    result["warnings"] = [_describe_warning(w) for w in caught]
    return result


# ---------------------------------------------------------------------------
# Finding what the application defined


def _all_mappers() -> list[Any]:
    from sqlalchemy.orm import mapperlib

    mappers = []
    for reg in list(mapperlib._mapper_registries):
        mappers.extend(_registry_mappers(reg))
    return sorted(mappers, key=lambda m: _class_name(m.class_))


def _registry_mappers(reg: Any) -> list[Any]:
    """The registry's mappers, skipping classes whose mapping failed half-way
    (``registry.mappers`` raises UnmappedClassError for those)."""
    try:
        return list(reg.mappers)
    except Exception:  # noqa: BLE001
        pass
    found = []
    for manager in list(getattr(reg, "_managers", ())):
        try:
            found.append(manager.mapper)
        except Exception:  # noqa: BLE001 - the half-mapped class itself
            continue
    return found


def _class_name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _user_modules(root: str) -> list[Any]:
    prefix = os.path.join(root, "")
    found = []
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and os.path.abspath(path).startswith(prefix):
            found.append(module)
    return found


def _metadatas(root: str) -> list[Any]:
    """Every MetaData in use: registries, mapped tables, and module-level
    MetaData, Table, Flask-SQLAlchemy and SQLModel objects in the package."""
    from sqlalchemy import MetaData, Table
    from sqlalchemy.orm import mapperlib

    seen: dict[int, Any] = {}

    def add(md: Any) -> None:
        if isinstance(md, MetaData):
            seen.setdefault(id(md), md)

    for reg in list(mapperlib._mapper_registries):
        add(reg.metadata)
        for mapper in _registry_mappers(reg):
            for table in mapper.tables:
                add(getattr(table, "metadata", None))
    for module in _user_modules(root):
        for value in list(vars(module).values()):
            if isinstance(value, MetaData):
                add(value)
            elif isinstance(value, Table):
                add(value.metadata)
            elif isinstance(getattr(value, "metadatas", None), dict):  # flask_sqlalchemy.SQLAlchemy
                for md in value.metadatas.values():
                    add(md)
            elif isinstance(value, type) and isinstance(getattr(value, "metadata", None), MetaData):
                add(value.metadata)  # SQLModel, declarative bases without mappers yet
    return list(seen.values())


def _create_all(root: str) -> list[tuple[Any, Any]]:
    """One in-memory SQLite engine per MetaData (table names may repeat across
    MetaData objects); returns the (MetaData, Engine) pairs."""
    from sqlalchemy import create_engine, event

    engines = []
    for md in _metadatas(root):
        engine = create_engine("sqlite://")
        # SQLite has no schemas; an attached in-memory database per schema stands in for one
        # (Postgres-style "schema.table" models are common in real applications).
        schemas = sorted({t.schema for t in md.tables.values() if t.schema})
        if schemas:
            def attach(dbapi_connection, _record, schemas=schemas):
                for schema in schemas:
                    quoted = schema.replace('"', '""')
                    dbapi_connection.execute(f'ATTACH DATABASE \':memory:\' AS "{quoted}"')
            event.listen(engine, "connect", attach)
        md.create_all(engine)
        engines.append((md, engine))
    return engines


# ---------------------------------------------------------------------------
# The round trip


def _roundtrip_all(engines: list[tuple[Any, Any]], result: dict[str, Any], first: set[str]) -> None:
    """Round-trips every relationship, in the order an application meets them:
    first the classes it imported itself, then those mapped during configuration;
    within a class, in declaration order. Every failure is recorded; the first
    one is raised to become the report's error."""
    from sqlalchemy.orm import Session

    # Bind every table (mapped or secondary) to the engine of its own MetaData.
    # Read from the MetaData only: mappers first imported during configuration
    # may be unconfigured, and their relationships then raise on any access.
    binds = {table: engine for md, engine in engines for table in md.tables.values()}
    counter = itertools.count(1)
    mappers = sorted(_all_mappers(), key=lambda m: (_class_name(m.class_) not in first, _class_name(m.class_)))
    first_failure = None
    for mapper in mappers:
        if not _instantiable(mapper):
            continue
        for rel in list(mapper.relationships):
            name = f"{_class_name(mapper.class_)}.{rel.key}"
            result["relationships"].append(name)
            try:
                _roundtrip_one(mapper, rel, binds, counter, Session)
            except Exception as exc:  # noqa: BLE001 - user mappings may raise anything
                exc.__ormlens_relationship__ = name  # type: ignore[attr-defined]
                result["roundtrip_failures"].append(
                    {"relationship": name, "type": type(exc).__name__, "message": str(exc)}
                )
                if first_failure is None:
                    first_failure = exc
    if first_failure is not None:
        raise first_failure


def _instantiable(mapper: Any) -> bool:
    cls = mapper.class_
    if getattr(cls, "__abstract__", False) and "__abstract__" in vars(cls):
        return False
    return not getattr(mapper, "non_primary", False)


def _roundtrip_one(mapper: Any, rel: Any, binds: dict, counter: Any, session_cls: Any) -> None:
    from sqlalchemy import inspect

    parent = _new_instance(mapper, counter)
    if rel.viewonly:
        objects = [parent]
    else:
        child = _new_instance(rel.mapper, counter)
        value = getattr(parent, rel.key)
        if rel.uselist:
            _add_to_collection(value, child)
        else:
            setattr(parent, rel.key, child)
        objects = [parent, child]
    with session_cls(binds=binds) as session:
        session.add_all(objects)
        session.commit()
        identity = inspect(parent).identity
    with session_cls(binds=binds) as session:
        loaded = session.get(mapper.class_, identity)
        if loaded is None:
            raise RoundTripMismatch(f"{_class_name(mapper.class_)} {identity!r} was not loaded back")
        value = getattr(loaded, rel.key)
        if rel.uselist and value is not None:
            list(value.values() if hasattr(value, "values") else value)


def _add_to_collection(collection: Any, child: Any) -> None:
    if hasattr(collection, "append"):
        collection.append(child)
    elif hasattr(collection, "add"):
        collection.add(child)
    else:  # keyed collections: let SQLAlchemy's adapter pick the key
        from sqlalchemy.orm.collections import collection_adapter

        collection_adapter(collection).append_with_event(child)


def _new_instance(mapper: Any, counter: Any) -> Any:
    cls = mapper.class_
    try:
        obj = cls()
    except TypeError:  # a class with its own __init__ that needs arguments
        obj = mapper.class_manager.new_instance()
    tables = set(mapper.tables)
    for prop in mapper.column_attrs:
        for column in prop.columns:
            table = getattr(column, "table", None)
            if table in tables and _needs_value(table, column):
                setattr(obj, prop.key, _dummy_value(column, next(counter)))
                break
    return obj


def _needs_value(table: Any, column: Any) -> bool:
    if column.default is not None or column.server_default is not None:
        return False
    if getattr(column, "identity", None) is not None:
        return False
    if column.primary_key:
        return table.autoincrement_column is not column
    return not column.nullable


def _dummy_value(column: Any, n: int) -> Any:
    """A value of the column's Python type, unique per call."""
    col_type = column.type
    enum_class = getattr(col_type, "enum_class", None)
    if enum_class is not None:
        return next(iter(enum_class))
    enums = getattr(col_type, "enums", None)
    if enums:
        return enums[0]
    try:
        python_type = col_type.python_type
    except (NotImplementedError, AttributeError):
        return n
    if python_type is bool:
        return bool(n % 2)
    if python_type is int:
        return n
    if python_type is float:
        return float(n)
    if python_type is decimal.Decimal:
        return decimal.Decimal(n)
    if python_type is str:
        length = getattr(col_type, "length", None) or 32
        return f"v{n}"[:length] if length >= 2 else chr(97 + n % 26)
    if python_type is bytes:
        return str(n).encode()
    if python_type is datetime.datetime:
        return datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=n)
    if python_type is datetime.date:
        return datetime.date(2000, 1, 1) + datetime.timedelta(days=n)
    if python_type is datetime.time:
        return datetime.time(n % 24, n % 60)
    if python_type is datetime.timedelta:
        return datetime.timedelta(seconds=n)
    if python_type is uuid.UUID:
        return uuid.UUID(int=n)
    if python_type in (dict, list):
        return python_type()
    if isinstance(python_type, type) and issubclass(python_type, enum.Enum):
        return next(iter(python_type))
    return n


# ---------------------------------------------------------------------------
# Reporting


def _describe_error(exc: BaseException, stage: str, root: str) -> dict[str, Any]:
    error = {
        "type": type(exc).__name__,
        "module": type(exc).__module__,
        "message": str(exc),
        "stage": stage,
        "code": getattr(exc, "code", None) if isinstance(getattr(exc, "code", None), str) else None,
        "relationship": getattr(exc, "__ormlens_relationship__", None),
        "user_frames": _user_frames(exc, root),
    }
    if error["code"] is None:
        match = _CODE_IN_MESSAGE.search(error["message"])
        error["code"] = match.group(1) if match else None
    cause = exc.__cause__ or exc.__context__
    if cause is not None:
        error["cause"] = {"type": type(cause).__name__, "message": str(cause)}
    return error


def _raised_by_oracle(exc: BaseException) -> bool:
    if isinstance(exc, RoundTripMismatch):
        return False
    frames = traceback.extract_tb(exc.__traceback__)
    return bool(frames) and os.path.abspath(frames[-1].filename) == os.path.abspath(__file__)


def _user_frames(exc: BaseException, root: str) -> list[dict[str, Any]]:
    """Frames of the traceback that lie in the checked package, outermost first."""
    prefix = os.path.join(root, "")
    frames = []
    for frame in traceback.extract_tb(exc.__traceback__):
        path = os.path.abspath(frame.filename)
        if path.startswith(prefix):
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            frames.append({"path": rel, "line": frame.lineno})
    return frames


def _describe_warning(w: warnings.WarningMessage) -> dict[str, Any]:
    message = str(w.message)
    code = getattr(w.message, "code", None)
    if not isinstance(code, str):
        match = _CODE_IN_MESSAGE.search(message)
        code = match.group(1) if match else None
    return {"category": w.category.__name__, "code": code, "message": message}


def _divert_stdout() -> int:
    """Points fd 1 (and sys.stdout) at stderr; returns a duplicate of the real stdout."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return saved


if __name__ == "__main__":
    sys.exit(main())
