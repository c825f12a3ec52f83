#!/usr/bin/env python3
"""What SQLAlchemy resolves in a real project: the ground truth for definition recall.

Runs inside a venv made by bench/setup-venvs.sh (SQLAlchemy, Flask-SQLAlchemy, SQLModel):

    python bench/realworld/import_oracle.py [--entry MODULE]... SRC_DIR OUT.json
    python bench/realworld/import_oracle.py --first MODULE SRC_DIR OUT.json

1. finds the project's import roots (the folders above its top-level packages) and puts them on
   ``sys.path``;
2. imports every module whose text uses SQLAlchemy's mapping words (tests and migration scripts
   left out), each in its own guard, with a stub standing in for every module that is not
   installed (a real project imports much more than SQLAlchemy; the stub is anything it is asked
   to be: a base class, a decorator, a call);
3. asks SQLAlchemy, relationship by relationship, what each one resolves to, the way
   ``configure_mappers()`` does (``_process_dependent_arguments`` and ``_setup_entity``; one
   relationship that cannot resolve does not hide the others): the target class, the
   ``secondary`` table, the ``back_populates`` partner; and, foreign key by foreign key, the
   column each one names.

Writes one JSON object: the modules imported and those that failed (with the exception), every
mapped class with its file and relationships, and every foreign key. Exit 0 whenever it could
write it: what the project's code raises is data.

With ``--first MODULE`` it imports only that module, as an application whose first import it is
would, and records what the import raised and, relationship by relationship, what SQLAlchemy
resolves afterwards: the test of a latent import warning (ORM201, ORM202).
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import inspect
import itertools
import json
import os
import re
import signal
import sys
import sysconfig
import time
import traceback
import types
import warnings
from pathlib import Path
from typing import Any

MODEL_WORDS = re.compile(r"\b(relationship|mapped_column|Column|ForeignKey|Table|Relationship)\(")
SKIPPED_PARTS = {"tests", "test", "testing", "migrations", "alembic", "versions", "docs", "examples"}
IMPORT_SECONDS = 20
FIRST_IMPORT_SECONDS = 60  # one module, but it may import most of the application
BUDGET_SECONDS = 120  # for the whole project: past it, the modules left are not imported
# Dunder names a project reads from a library (version checks, enum members); every other dunder
# is a protocol probe that must fail as it would on a plain object.
STUB_DUNDERS = {"__version__", "__members__", "__all__"}


def main(argv: list[str]) -> int:
    first, entries = None, []
    while argv[0] in ("--first", "--entry"):
        if argv[0] == "--first":
            first = argv[1]
        else:
            entries.append(argv[1])
        argv = argv[2:]
    src, out = Path(argv[0]).resolve(), Path(argv[1])
    roots = import_roots(src)
    for root in reversed(roots):
        sys.path.insert(0, str(root))
    sys.meta_path.append(StubFinder(roots))
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(5000)
    if first is not None:
        result = {"module": first, "error": import_first(first), "classes": mapped_classes(src)}
        out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
        return 0
    imported, failed = import_models(src, roots, entries)
    result = {"roots": [str(r.relative_to(src)) for r in roots], "imported": imported, "failed": failed,
              "classes": mapped_classes(src), "foreign_keys": foreign_keys(src)}
    out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------
# The project's modules


def import_roots(src: Path) -> list[Path]:
    """The folders that hold top-level packages or modules, shallowest first."""
    roots = set()
    for init in src.rglob("__init__.py"):
        package = init.parent
        while (package.parent / "__init__.py").is_file():
            package = package.parent
        if not skipped(package.relative_to(src)):
            roots.add(namespace_root(package, src))
    return sorted(roots or {src}, key=lambda p: (len(p.parts), str(p)))


def namespace_root(package: Path, src: Path) -> Path:
    """The folder above a package, or above its namespace package (``galaxy/model`` with no
    ``galaxy/__init__.py``) when the project imports its modules by the longer name."""
    root = package.parent
    while root != src and root.name.isidentifier() and imported_by_longer_name(root):
        root = root.parent
    return root


@functools.cache
def imported_by_longer_name(folder: Path) -> bool:
    dotted = re.compile(rf"^\s*(from|import)\s+{re.escape(folder.name)}\.\w", re.M)
    return any(dotted.search(read(p)) for p in itertools.islice(folder.rglob("*.py"), 2000))


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def skipped(relative: Path) -> bool:
    return any(part in SKIPPED_PARTS or part.startswith("test_") for part in relative.parts)


def module_name(path: Path, roots: list[Path]) -> str | None:
    for root in sorted(roots, key=lambda r: -len(r.parts)):
        if root in path.parents:
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None
    return None


def import_models(src: Path, roots: list[Path], entries: list[str]) -> tuple[list[str], dict[str, str]]:
    """The project's entry modules first (the order its application imports in: a circular
    import may only work that way), then every module with model words."""
    imported, failed = [], {}
    modules = list(entries)
    for path in sorted(src.rglob("*.py")):
        if skipped(path.relative_to(src)):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        name = module_name(path, roots)
        if name and MODEL_WORDS.search(text) and "sqlalchemy" in text.lower():
            modules.append(name)
    signal.signal(signal.SIGALRM, _timeout)
    stdout = sys.stdout
    sys.stdout = sys.stderr  # the project's prints never reach our output
    deadline = time.monotonic() + BUDGET_SECONDS
    try:
        for name in modules:
            if time.monotonic() > deadline:
                failed[name] = f"not imported: the oracle's {BUDGET_SECONDS} s budget was spent"
                continue
            signal.alarm(IMPORT_SECONDS)
            try:
                importlib.import_module(name)
                imported.append(name)
            except BaseException as e:  # noqa: BLE001 - SystemExit and timeouts are data too
                failed[name] = f"{type(e).__name__}: {str(e)[:200]}"
            finally:
                signal.alarm(0)
    finally:
        sys.stdout = stdout
    return imported, failed


def import_first(name: str) -> str | None:
    """What importing ``name`` into a fresh interpreter raises, or None."""
    signal.signal(signal.SIGALRM, _timeout)
    stdout = sys.stdout
    sys.stdout = sys.stderr
    signal.alarm(FIRST_IMPORT_SECONDS)
    try:
        importlib.import_module(name)
        return None
    except BaseException as e:  # noqa: BLE001 - what the import raises is the answer
        return f"{type(e).__name__}: {str(e)[:300]}"
    finally:
        signal.alarm(0)
        sys.stdout = stdout


class ImportTimeout(BaseException):
    """Not an Exception, so that a project's ``except Exception`` around a slow call cannot
    swallow it and keep the oracle waiting."""


def _timeout(_signum: int, frame: Any) -> None:
    outside = [f for f in traceback.extract_stack(frame) if f.filename != __file__][-2:]
    where = ", ".join(f"{f.filename}:{f.lineno}" for f in outside) or "?"
    raise ImportTimeout(f"the import took longer than the oracle allows (at {where})")


# ---------------------------------------------------------------------------
# Stubs for what is not installed


class StubFinder(importlib.abc.MetaPathFinder):
    """Last on ``sys.meta_path``: a module nothing else can find becomes a stub package (unless it
    is the project's own, whose absence is a real failure)."""

    def __init__(self, roots: list[Path]):
        self.own = {p.name for root in roots for p in root.iterdir() if p.is_dir() or p.suffix == ".py"}

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname.split(".")[0] in self.own and (path is None or parent_initialising(fullname)):
            return None
        if imported_by_the_standard_library():
            return None
        return importlib.machinery.ModuleSpec(fullname, StubLoader(), is_package=True)


def parent_initialising(fullname: str) -> bool:
    """``from pkg import Name`` on a half-initialised ``pkg`` tries ``pkg.Name`` as a submodule
    before raising the circular ImportError: a stub there would hide the very failure ORM201
    claims. (A submodule of a finished package may be stubbed: a file the build writes.)"""
    parent = sys.modules.get(fullname.rpartition(".")[0])
    return bool(getattr(getattr(parent, "__spec__", None), "_initializing", False))


STDLIB = str(Path(sysconfig.get_paths()["stdlib"]).resolve())


def imported_by_the_standard_library() -> bool:
    """The standard library probes for optional modules (``mimetypes`` for ``_winreg``) and takes
    the ImportError as the answer; a stub there would send it down another platform's path."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if not name.startswith("<frozen") and name != __file__:
            return name.startswith(STDLIB) and "site-packages" not in name
        frame = frame.f_back
    return False


class StubLoader(importlib.abc.Loader):
    def create_module(self, spec: Any) -> types.ModuleType:
        module = StubModule(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


class StubModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name not in STUB_DUNDERS:
            raise AttributeError(name)
        return Stub(f"{self.__name__}.{name}")

    def __mro_entries__(self, bases: tuple) -> tuple:
        return Stub(self.__name__).__mro_entries__(bases)


def _accept_anything(self: Any, *args: Any, **kwargs: Any) -> None:
    pass


def _passing_subclass_on(stub_base: type) -> classmethod:
    """A stub base before ``Base`` in the bases must not stop declarative mapping: the
    ``__init_subclass__`` after this stub base in the MRO runs (with the keywords it accepts, else
    none). Bound to its own base, so that two stub bases in one class hand on in turn."""

    def pass_on(cls: type, **kwargs: Any) -> None:
        parent = super(stub_base, cls)
        try:
            parent.__init_subclass__(**kwargs)
        except TypeError:
            parent.__init_subclass__()

    return classmethod(pass_on)


# What a decorator receives: a stub used as one hands it back unchanged.
DECORATED = (types.FunctionType, type, classmethod, staticmethod, property, functools.partial)


class Stub:
    """Anything: called, it returns a stub (or, used as a decorator, what it decorates); as a base
    class, a plain class; indexed, iterated, combined, it stays a stub."""

    _bases: dict[str, type] = {}

    def __init__(self, name: str = "stub"):
        object.__setattr__(self, "_name", name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name not in STUB_DUNDERS:
            raise AttributeError(name)
        return Stub(f"{self._name}.{name}")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs and isinstance(args[0], DECORATED):
            return args[0]
        return Stub(f"{self._name}()")

    def __mro_entries__(self, bases: tuple) -> tuple:
        # A plain class: a metaclass of its own would conflict with a declarative base's the
        # moment a subclass of this stub base is mapped. (So a class attribute it lacks is an
        # AttributeError: superset's sqlglot ``exp.Func.from_arg_list``.)
        base = Stub._bases.get(self._name)
        if base is None:
            base = Stub._bases[self._name] = type(self._name.rsplit(".", 1)[-1], (), {"__init__": _accept_anything})
            base.__init_subclass__ = _passing_subclass_on(base)
        return (base,)

    def __getitem__(self, item: Any) -> Any:
        return self

    def __iter__(self):
        return iter(())

    def __or__(self, other: Any) -> Any:
        return self

    __ror__ = __or__

    def __bool__(self) -> bool:
        return False

    def __lt__(self, other: Any) -> bool:
        return False

    __le__ = __gt__ = __ge__ = __lt__

    def __len__(self) -> int:
        return 0

    def __add__(self, other: Any) -> Any:
        return self

    __radd__ = __sub__ = __mul__ = __truediv__ = __mod__ = __add__

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> bool:
        return False

    def __fspath__(self) -> str:
        return "/nonexistent/" + self._name

    def __str__(self) -> str:
        return self._name.rsplit(".", 1)[-1]

    def __repr__(self) -> str:
        return f"<stub {self._name}>"


# ---------------------------------------------------------------------------
# What SQLAlchemy resolved


def mapped_classes(src: Path) -> list[dict[str, Any]]:
    from sqlalchemy.orm import RelationshipProperty, mapperlib

    classes = []
    for reg in list(mapperlib._mapper_registries):
        for mapper in registry_mappers(reg):
            cls = mapper.class_
            where = source_of(cls, src)
            if where is None:
                continue
            relationships = []
            for prop in list(mapper._props.values()):
                if isinstance(prop, RelationshipProperty) and prop.parent is mapper:
                    relationships.append(resolve(prop, src))
            table = getattr(mapper, "local_table", None)
            classes.append({"name": f"{cls.__module__}.{cls.__qualname__}", "class": cls.__name__, **where,
                            "table": getattr(table, "fullname", None), "relationships": relationships})
    return sorted(classes, key=lambda c: c["name"])


def registry_mappers(reg: Any) -> list[Any]:
    try:
        return list(reg.mappers)
    except Exception:  # noqa: BLE001 - a class whose mapping failed half-way
        found = []
        for manager in list(getattr(reg, "_managers", ())):
            try:
                found.append(manager.mapper)
            except Exception:  # noqa: BLE001
                continue
        return found


def source_of(obj: Any, src: Path) -> dict[str, Any] | None:
    try:
        path = Path(inspect.getsourcefile(obj)).resolve()
    except (TypeError, OSError):
        return None
    if src not in path.parents:
        return None
    return {"file": str(path.relative_to(src))}


def class_files(cls: type, src: Path) -> list[str]:
    """The files of the class and of its bases in the project: where its attributes may live."""
    files = []
    for klass in cls.__mro__:
        where = source_of(klass, src)
        if where and where["file"] not in files:
            files.append(where["file"])
    return files


def resolve(prop: Any, src: Path) -> dict[str, Any]:
    """One relationship as SQLAlchemy resolves it, or the reason it could not."""
    found: dict[str, Any] = {"key": prop.key, "back_populates": prop.back_populates}
    try:
        prop._process_dependent_arguments()
        prop._setup_entity()
    except Exception as e:  # noqa: BLE001
        found["error"] = f"{type(e).__name__}: {str(e)[:200]}"
        return found
    target = prop.entity.class_
    found["target"] = f"{target.__module__}.{target.__qualname__}"
    found["target_class"] = target.__name__
    where = source_of(target, src)
    found["target_file"] = where["file"] if where else None
    found["target_files"] = class_files(target, src)
    secondary = prop._init_args.secondary.resolved
    if secondary is not None:
        found["secondary"] = getattr(secondary, "name", None)
    if prop.back_populates and not hasattr(target, prop.back_populates):
        found["back_populates_missing"] = True
    return found


def tables_of(value: Any) -> list[Any]:
    """The tables of a module-level MetaData, Table, or object holding a ``metadata`` (a
    Flask-SQLAlchemy ``db``, a declarative base)."""
    from sqlalchemy import MetaData, Table

    try:
        if isinstance(value, Table):
            return [value]
        metadata = value if isinstance(value, MetaData) else getattr(value, "metadata", None)
        return list(metadata.tables.values()) if isinstance(metadata, MetaData) else []
    except Exception:  # noqa: BLE001 - a proxy that needs an application context, an expression
        return []


def foreign_keys(src: Path) -> dict[str, dict[str, str]]:
    """Every foreign key's spec ("table.column" or "schema.table.column") and what it names."""
    from sqlalchemy.orm import mapperlib

    tables: dict[int, Any] = {}
    for reg in list(mapperlib._mapper_registries):
        for t in reg.metadata.tables.values():
            tables[id(t)] = t
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path or src not in Path(path).resolve().parents:
            continue
        for value in list(vars(module).values()):
            for t in tables_of(value):
                tables[id(t)] = t
    found: dict[str, dict[str, str]] = {}
    for table in tables.values():
        for fk in list(table.foreign_keys):
            spec = fk._get_colspec() if hasattr(fk, "_get_colspec") else str(fk.target_fullname)
            if not isinstance(spec, str) or spec in found:
                continue
            try:
                column = fk.column
            except Exception:  # noqa: BLE001 - an unresolvable key is not scored
                continue
            found[spec] = {"table": column.table.name, "column": column.key}
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
