#!/usr/bin/env python3
"""Generates SQLAlchemy model packages for benchmarks and differential tests (stdlib only).

    python3 bench/generate.py --out DIR --models N --style STYLE --seed S [--noise-modules M]
    python3 bench/generate.py --out DIR --models N --style STYLE --seed S --mutate KIND
    python3 bench/generate.py --cases DIR [--models N] [--seed S]    # every style x every kind

A package is N models in modules of one to three models, plus M non-model modules
(services, schemas, utilities importing models) around them. The same seed gives
the same package, byte for byte. A clean package passes the oracle with no SAWarning;
``--mutate KIND`` plants exactly one fault (or one behaviour-preserving refactor) and
records it in ``DIR/case.json`` as ``expected`` diagnostics with 1-based lines.

Everything is built as a small model (``Model``, ``Rel``, ``Assoc``) first; one
emitter per style turns it into text; mutations edit the model or the rendered
files, then locate the faulty line by searching for the unique text they planted.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

STYLES = ("declarative2", "declarative1", "imperative", "registry_mapped", "flask", "sqlmodel", "mixed")
PKG = "pkg"

WORDS = (
    "Customer Order Product Invoice Shipment Supplier Warehouse Category Review Coupon "
    "Payment Refund Address Account Session Device Team Project Task Comment Ticket Label "
    "Author Book Chapter Publisher Library Member Loan Course Student Teacher Lesson Grade "
    "Hospital Doctor Patient Visit Drug Prescription Vehicle Driver Route Stop Trip Fare"
).split()

# ---------------------------------------------------------------------------
# The model of a package


@dataclass
class Fk:
    col: str
    target: "Model"
    text: str | None = None  # override of the "table.column" string (mutations)


@dataclass
class Rel:
    attr: str
    owner: "Model"
    target: "Model"
    kind: str  # m2o, o2m, m2m
    back: str | None
    assoc: "Assoc | None" = None
    fk: Fk | None = None
    self_ref: bool = False
    form: str = "string"  # string, qualified, class, lambda, resolver, annotation
    sec_form: str = "string"  # string, variable, table_attr, lambda, from_clause
    target_text: str | None = None  # override: a raw target string (mutations)
    secondary_text: str | None = None  # override: a raw secondary string
    annotation_target: str | None = None  # override: the class named in Mapped[...]
    extra: str = ""  # extra keyword arguments, e.g. ', viewonly=True'
    marker: str = ""  # a trailing comment that lets mutations find the line


@dataclass
class Model:
    idx: int
    name: str
    table: str
    module: str
    base: str = "Base"
    fks: list[Fk] = field(default_factory=list)
    rels: list[Rel] = field(default_factory=list)
    mixin: bool = False


@dataclass
class Assoc:
    name: str
    left: Model
    right: Model
    mapped_class: str | None = None  # a mapped class over the table (mixed style)
    drop_fk_right: bool = False  # mutation ORM303


@dataclass
class Package:
    style: str
    seed: int
    models: list[Model]
    assocs: list[Assoc]
    modules: list[str]  # model modules, in import order
    noise: int
    extra_files: dict[str, str] = field(default_factory=dict)
    init_skip: set[str] = field(default_factory=set)  # model modules __init__ does not import
    init_extra: list[str] = field(default_factory=list)  # hand-written modules __init__ imports last
    import_mode: dict[str, str] = field(default_factory=dict)  # module -> "type_checking"|"runtime"|"module"
    aliases: dict[str, str] = field(default_factory=dict)  # module -> import flavour (mixed)
    relative: dict[str, bool] = field(default_factory=dict)


def snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def build(n: int, style: str, seed: int, noise: int) -> Package:
    """The relationship graph: many-to-one/one-to-many pairs, many-to-many through
    an association table, and self-referential trees; all names unique."""
    rng = random.Random(f"{seed}:{n}:{style}")
    models: list[Model] = []
    modules: list[str] = []
    i = 0
    while i < n:
        size = min(n - i, rng.choice((1, 1, 2, 3)))
        mod = f"m{len(modules)}"
        modules.append(mod)
        for _ in range(size):
            word = WORDS[i % len(WORDS)]
            models.append(Model(i, f"{word}{i}", f"{snake(word)}{i}", mod))
            i += 1
    registries = 2 if style == "mixed" else 1
    for m in models:
        if registries == 2 and m.idx % 5 == 4:
            m.base = "AuditBase"
        m.mixin = style == "mixed" and m.idx % 3 == 0
    assocs: list[Assoc] = []
    for m in models[1:]:
        pool = [t for t in models[max(0, m.idx - 40): m.idx] if t.base == m.base]
        if not pool:
            continue
        targets = rng.sample(pool, min(len(pool), rng.choice((0, 1, 1, 1, 2))))
        for t in targets:
            fk = Fk(f"{t.table}_id", t)
            m.fks.append(fk)
            up = Rel(t.table, m, t, "m2o", f"{m.table}_list", fk=fk)
            down = Rel(f"{m.table}_list", t, m, "o2m", t.table, fk=fk)
            m.rels.append(up)
            t.rels.append(down)
        others = [t for t in pool if t not in targets]
        if others and rng.random() < 0.2:
            t = rng.choice(others)
            a = Assoc(f"{t.table}_{m.table}_link", t, m)
            assocs.append(a)
            t.rels.append(Rel(f"{m.table}_set", t, m, "m2m", f"{t.table}_set", assoc=a))
            m.rels.append(Rel(f"{t.table}_set", m, t, "m2m", f"{m.table}_set", assoc=a))
    for m in models:
        if rng.random() < 0.08:
            fk = Fk("parent_id", m)
            m.fks.append(fk)
            m.rels.append(Rel("parent", m, m, "m2o", "children", fk=fk, self_ref=True))
            m.rels.append(Rel("children", m, m, "o2m", "parent", fk=fk, self_ref=True))
    pkg = Package(style, seed, models, assocs, modules, noise)
    for mod in modules:
        pkg.import_mode[mod] = "type_checking"
        pkg.relative[mod] = rng.random() < 0.5
        pkg.aliases[mod] = rng.choice(("plain", "alias", "orm", "sa")) if style == "mixed" else "plain"
    if style == "mixed":
        # Round robin from a seeded start, so that every form appears in any package
        # with a handful of relationships.
        forms = ("string", "qualified", "lambda", "resolver", "string")
        for k, a in enumerate(assocs):
            if k % 2 == 0:
                a.mapped_class = "".join(w.capitalize() for w in a.name.split("_"))
        k = rng.randrange(len(forms))
        plain, mapped = rng.randrange(3), rng.randrange(5)
        for m in models:
            for r in m.rels:
                r.form = forms[k % len(forms)]
                k += 1
                if r.assoc is not None and r.assoc.mapped_class:
                    r.sec_form = ("table_attr", "from_clause", "string", "variable", "lambda")[mapped % 5]
                    mapped += 1
                elif r.assoc is not None:
                    r.sec_form = ("string", "variable", "lambda")[plain % 3]
                    plain += 1
    elif style == "declarative2":
        for m in models:
            for r in m.rels:
                r.form = "string" if rng.random() < 0.5 else "annotation"
    return pkg


# ---------------------------------------------------------------------------
# Rendering


HEADER = "# Generated by bench/generate.py (style {style}, seed {seed}): {what}\n"


class Emitter:
    """Turns a Package into files; one subclass per style."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.by_module: dict[str, list[Model]] = {}
        for m in pkg.models:
            self.by_module.setdefault(m.module, []).append(m)

    # -- shared pieces -------------------------------------------------------

    def header(self, what: str) -> str:
        return HEADER.format(style=self.pkg.style, seed=self.pkg.seed, what=what)

    def files(self) -> dict[str, str]:
        out = {f"{PKG}/base.py": self.base_module(), f"{PKG}/associations.py": self.assoc_module()}
        for mod in self.pkg.modules:
            out[f"{PKG}/{mod}.py"] = self.model_module(mod, self.by_module[mod])
        out.update(self.noise_modules())
        out[f"{PKG}/__init__.py"] = self.init_module()
        out.update(self.pkg.extra_files)
        return out

    def imp(self, mod: str, target_mod: str, names: str) -> str:
        if self.pkg.relative.get(mod, True):
            return f"from .{target_mod} import {names}"
        return f"from {PKG}.{target_mod} import {names}"

    def referenced(self, models: list[Model]) -> dict[str, list[str]]:
        """Other modules' classes named by these models' relationships, by module."""
        refs: dict[str, set[str]] = {}
        own = {m.name for m in models}
        for m in models:
            for r in m.rels:
                names = {r.target.name}
                if r.annotation_target:
                    names.add(r.annotation_target)
                for name in names:
                    t = self.model_named(name)
                    if t is not None and name not in own:
                        refs.setdefault(t.module, set()).add(name)
        return {k: sorted(v) for k, v in sorted(refs.items(), key=lambda kv: int(kv[0][1:]) if kv[0][1:].isdigit() else 0)}

    def model_named(self, name: str) -> Model | None:
        if not hasattr(self, "_names"):
            self._names = {m.name: m for m in self.pkg.models}
        return self._names.get(name)

    def type_imports(self, mod: str, models: list[Model]) -> list[str]:
        refs = self.referenced(models)
        mode = self.pkg.import_mode.get(mod, "type_checking")
        lines = [self.imp(mod, tm, ", ".join(names)) for tm, names in refs.items()]
        if not lines:
            return []
        if mode == "runtime":
            return lines + [""]
        checking = ["if TYPE_CHECKING:"] + [f"    {line}" for line in lines] + [""]
        if mode == "module":
            # A harmless cycle: whole modules at run time, attributes read later (the
            # lambdas' modules are imported by runtime_imports already); the names the
            # string annotations use stay visible to type checkers.
            lambda_modules = {r.target.module for m in models for r in m.rels if r.form == "lambda"}
            return [f"import {PKG}.{tm}  # noqa: F401" for tm in refs if tm not in lambda_modules] + [""] + checking
        return ["if TYPE_CHECKING:"] + [f"    {line}" for line in lines] + [""]

    def target_expr(self, r: Rel) -> str:
        if r.target_text is not None:
            return f'"{r.target_text}"'
        t = r.target
        if r.form == "qualified":
            return f'"{PKG}.{t.module}.{t.name}"'
        if r.form == "lambda":
            if t.module == r.owner.module:
                return f"lambda: {t.name}"
            return f"lambda: {PKG}.{t.module}.{t.name}"
        if r.form == "resolver":
            return f"resolve_{snake(t.name)}"
        return f'"{t.name}"'

    def secondary_expr(self, r: Rel) -> str:
        a = r.assoc
        assert a is not None
        if r.secondary_text is not None:
            return f'"{r.secondary_text}"'
        if r.sec_form == "variable":
            return a.name
        if r.sec_form == "lambda":
            return f"lambda: {PKG}.associations.{a.name}"
        if r.sec_form == "table_attr":
            return f"{a.mapped_class}.__table__"
        if r.sec_form == "from_clause":
            return f"from_clause(resolve_{snake(a.mapped_class or '')})"
        return f'"{a.name}"'

    def rel_kwargs(self, r: Rel) -> list[str]:
        kw = []
        if r.assoc is not None:
            kw.append(f"secondary={self.secondary_expr(r)}")
        if r.back and getattr(self.pkg, "kwargs_splat", False):
            # Real code passes shared keyword dicts: relationship(X, **{"back_populates": ...}).
            kw.append(f'**{{"back_populates": "{r.back}"}}')
        elif r.back:
            kw.append(f'back_populates="{r.back}"')
        if r.self_ref and r.kind == "m2o":
            kw.append(f'remote_side="{r.owner.name}.id"')
        return kw

    def rel_call(self, r: Rel, fn: str = "relationship", with_target: bool = True) -> str:
        args = ([self.target_expr(r)] if with_target else []) + self.rel_kwargs(r)
        return f"{fn}({', '.join(args)}{r.extra})"

    def needs_runtime_names(self, models: list[Model]) -> dict[str, set[str]]:
        """Names a module needs at run time: associations variables, resolvers."""
        need: dict[str, set[str]] = {"associations": set(), "base": set()}
        for m in models:
            for r in m.rels:
                if r.form == "resolver" and r.target_text is None:
                    need["base"].add(f"resolve_{snake(r.target.name)}")
                if r.assoc is not None and r.secondary_text is None:
                    if r.sec_form == "variable":
                        need["associations"].add(r.assoc.name)
                    elif r.sec_form == "table_attr":
                        need["associations"].add(r.assoc.mapped_class or "")
                    elif r.sec_form == "from_clause":
                        need["base"].update({"from_clause", f"resolve_{snake(r.assoc.mapped_class or '')}"})
        return need

    def runtime_imports(self, mod: str, models: list[Model]) -> list[str]:
        need = self.needs_runtime_names(models)
        lines = []
        if need["base"]:
            lines.append(self.imp(mod, "base", ", ".join(sorted(need["base"]))))
        if need["associations"]:
            lines.append(self.imp(mod, "associations", ", ".join(sorted(need["associations"]))))
        if any(r.form == "lambda" or r.sec_form == "lambda" for m in models for r in m.rels):
            lines.append(f"import {PKG}.associations  # noqa: F401 - read by lambdas at configure time")
            for tm in sorted({r.target.module for m in models for r in m.rels if r.form == "lambda"} - {mod}):
                lines.append(f"import {PKG}.{tm}  # noqa: F401")
        return lines

    def noise_modules(self) -> dict[str, str]:
        out = {}
        rng = random.Random(f"noise:{self.pkg.seed}")
        kinds = ("services", "schemas", "utils")
        for j in range(self.pkg.noise):
            kind = kinds[j % 3]
            picks = rng.sample(self.pkg.models, min(2, len(self.pkg.models)))
            lines = [self.header(f"a {kind[:-1]} module that uses models but maps nothing."), ""]
            lines.append("from __future__ import annotations")
            lines.append("")
            lines.append("import dataclasses")
            lines.append("from typing import Any")
            lines.append("")
            lines.append("from sqlalchemy import inspect")
            lines.append("")
            for p in picks:
                lines.append(f"from {PKG}.{p.module} import {p.name}")
            lines.append("")
            a, b = picks[0], picks[-1]
            if kind == "services":
                lines += [
                    f"def describe_{a.table}(obj: {a.name}) -> str:",
                    f'    return f"{a.name}({{obj.id}})"',
                    "",
                    f"def new_{b.table}(**values: Any) -> {b.name}:",
                    f"    obj = {b.name}()",
                    "    for key, value in values.items():",
                    "        setattr(obj, key, value)",
                    "    return obj",
                ]
            elif kind == "schemas":
                lines += [
                    "@dataclasses.dataclass",
                    f"class {a.name}Schema:",
                    "    id: int",
                    "    name: str",
                    "",
                    f"    @classmethod",
                    f"    def from_model(cls, obj: {a.name}) -> {a.name}Schema:",
                    "        return cls(obj.id, obj.name)",
                    "",
                    f"TABLES = (inspect({a.name}).local_table.name, inspect({b.name}).local_table.name)",
                ]
            else:
                lines += [
                    "def chunks(items: list[Any], size: int) -> list[list[Any]]:",
                    "    return [items[i:i + size] for i in range(0, len(items), size)]",
                    "",
                    f"MODELS = ({a.name}, {b.name})",
                ]
            out[f"{PKG}/{kind}/n{j}.py"] = "\n".join(lines) + "\n"
        for kind in kinds[: min(3, self.pkg.noise)]:
            out[f"{PKG}/{kind}/__init__.py"] = self.header(f"{kind} (not models).")
        return out

    def init_module(self) -> str:
        lines = [self.header("imports every model module so that all mappers exist before use."), ""]
        lines.append("from . import base, associations  # noqa: F401")
        for mod in self.pkg.modules:
            if mod not in self.pkg.init_skip:
                lines.append(f"from . import {mod}  # noqa: F401")
        for mod in self.pkg.init_extra:
            lines.append(f"from . import {mod}  # noqa: F401")
        return "\n".join(lines) + "\n"

    # -- per style -----------------------------------------------------------

    def base_module(self) -> str:
        raise NotImplementedError

    def assoc_module(self) -> str:
        raise NotImplementedError

    def model_module(self, mod: str, models: list[Model]) -> str:
        raise NotImplementedError


def _resolvers(pkg: Package) -> list[str]:
    lines = []
    for m in pkg.models:
        lines += ["", "", f"def resolve_{snake(m.name)}():", f"    from .{m.module} import {m.name}", "", f"    return {m.name}"]
    for a in pkg.assocs:
        if a.mapped_class:
            lines += ["", "", f"def resolve_{snake(a.mapped_class)}():", f"    from .associations import {a.mapped_class}", "", f"    return {a.mapped_class}"]
    return lines


class Declarative2(Emitter):
    """DeclarativeBase + Mapped/mapped_column (also the mixed style's emitter)."""

    def base_module(self) -> str:
        mixed = self.pkg.style == "mixed"
        lines = [self.header("the declarative base(s)" + (", a mixin and lazy resolvers." if mixed else ".")), ""]
        if mixed:
            lines += ["import datetime", "from typing import Callable, Type", "", "from sqlalchemy import DateTime, FromClause", ""]
        lines += ["from sqlalchemy.orm import DeclarativeBase"]
        if mixed:
            lines += ["from sqlalchemy.orm import Mapped, mapped_column"]
        lines += ["", "", "class Base(DeclarativeBase):", "    pass"]
        if mixed:
            lines += [
                "", "", "class AuditBase(DeclarativeBase):", '    """A second registry: names resolve per registry."""',
                "", "", "class TimestampMixin:",
                "    created: Mapped[datetime.datetime] = mapped_column(DateTime, default=datetime.datetime(2000, 1, 1))",
                "", "", "class NamedEntity(Base):", "    __abstract__ = True", "",
                "    name: Mapped[str] = mapped_column(default=\"\")",
                "", "", "def from_clause(fn: Callable[[], Type[DeclarativeBase]]) -> Callable[[], FromClause]:",
                "    return lambda: fn().__table__",
            ]
            lines += _resolvers(self.pkg)
        return "\n".join(lines) + "\n"

    def assoc_module(self) -> str:
        lines = [self.header("association tables for the many-to-many relationships."), ""]
        lines += ["from sqlalchemy import Column, ForeignKey, Integer, Table  # noqa: F401"]
        if any(a.mapped_class for a in self.pkg.assocs):
            lines += ["", "from .base import AuditBase, Base"]
        else:
            lines += ["", "from .base import Base"] if self.pkg.style != "mixed" else ["", "from .base import AuditBase, Base"]
        for a in self.pkg.assocs:
            base = a.left.base
            right_col = (f'Column("{a.right.table}_id", Integer, primary_key=True),{MARK}ORM303 {a.name}' if a.drop_fk_right
                         else f'Column("{a.right.table}_id", ForeignKey("{a.right.table}.id"), primary_key=True),')
            lines += [
                "", "",
                f"{a.name} = Table(",
                f'    "{a.name}",',
                f"    {base}.metadata,",
                f'    Column("{a.left.table}_id", ForeignKey("{a.left.table}.id"), primary_key=True),',
                f"    {right_col}",
                ")",
            ]
            if a.mapped_class:
                lines += ["", "", f"class {a.mapped_class}({base}):", f"    __table__ = {a.name}"]
        return "\n".join(lines) + "\n"

    def orm_names(self, mod: str) -> tuple[list[str], str, str, str]:
        """Import lines and the spellings of relationship, Mapped, mapped_column."""
        flavour = self.pkg.aliases.get(mod, "plain")
        if flavour == "alias":
            return (["from sqlalchemy.orm import Mapped, mapped_column", "from sqlalchemy.orm import relationship as rel"], "rel", "Mapped", "mapped_column")
        if flavour == "orm":
            return (["import sqlalchemy.orm as orm"], "orm.relationship", "orm.Mapped", "orm.mapped_column")
        if flavour == "sa":
            return (["import sqlalchemy as sa", "import sqlalchemy.orm"], "sa.orm.relationship", "sa.orm.Mapped", "sa.orm.mapped_column")
        return (["from sqlalchemy.orm import Mapped, mapped_column, relationship"], "relationship", "Mapped", "mapped_column")

    def model_module(self, mod: str, models: list[Model]) -> str:
        names = ", ".join(m.name for m in models)
        orm_imports, rel_fn, mapped, mcol = self.orm_names(mod)
        lines = [self.header(f"models {names}."), ""]
        lines += ["from typing import TYPE_CHECKING, Optional", "", "from sqlalchemy import ForeignKey, String"]
        lines += orm_imports + [""]
        bases = sorted({m.base for m in models} | ({"NamedEntity"} if self.pkg.style == "mixed" else set()) | ({"TimestampMixin"} if any(m.mixin for m in models) else set()))
        lines.append(self.imp(mod, "base", ", ".join(bases)))
        lines += self.runtime_imports(mod, models)
        lines.append("")
        lines += self.type_imports(mod, models)
        for m in models:
            lines += ["", *self.model_class(m, rel_fn, mapped, mcol)]
        return "\n".join(lines) + "\n"

    def model_class(self, m: Model, rel_fn: str, mapped: str, mcol: str) -> list[str]:
        parents = []
        if m.mixin:
            parents.append("TimestampMixin")
        parents.append("NamedEntity" if self.pkg.style == "mixed" and m.base == "Base" else m.base)
        lines = [f"class {m.name}({', '.join(parents)}):", f'    __tablename__ = "{m.table}"', ""]
        lines.append(f"    id: {mapped}[int] = {mcol}(primary_key=True)")
        if not (self.pkg.style == "mixed" and m.base == "Base"):
            lines.append(f"    name: {mapped}[str] = {mcol}(String(50))")
        for fk in m.fks:
            text = fk.text or f"{fk.target.table}.id"
            lines.append(f'    {fk.col}: {mapped}[Optional[int]] = {mcol}(ForeignKey("{text}"))')
        for r in m.rels:
            target = r.annotation_target or r.target.name
            ann = f'{mapped}[list["{target}"]]' if r.kind != "m2o" else f'{mapped}[Optional["{target}"]]'
            with_target = not (r.form == "annotation" and r.target_text is None)
            lines.append(f"    {r.attr}: {ann} = {self.rel_call(r, rel_fn, with_target)}{r.marker}")
        return lines


class Declarative1(Declarative2):
    """declarative_base() + Column."""

    def base_module(self) -> str:
        return "\n".join([self.header("the declarative base."), "", "from sqlalchemy.orm import declarative_base", "", "Base = declarative_base()"]) + "\n"

    def model_module(self, mod: str, models: list[Model]) -> str:
        names = ", ".join(m.name for m in models)
        lines = [self.header(f"models {names}."), "", "from typing import TYPE_CHECKING", ""]
        lines += ["from sqlalchemy import Column, ForeignKey, Integer, String", "from sqlalchemy.orm import relationship", ""]
        lines.append(self.imp(mod, "base", "Base"))
        lines += self.runtime_imports(mod, models)
        lines.append("")
        lines += self.type_imports(mod, models)
        for m in models:
            lines += ["", f"class {m.name}(Base):", f'    __tablename__ = "{m.table}"', ""]
            lines.append("    id = Column(Integer, primary_key=True)")
            lines.append("    name = Column(String(50), nullable=False, default=\"\")")
            for fk in m.fks:
                lines.append(f'    {fk.col} = Column(Integer, ForeignKey("{fk.text or fk.target.table + ".id"}"))')
            for r in m.rels:
                lines.append(f"    {r.attr} = {self.rel_call(r)}{r.marker}")
        return "\n".join(lines) + "\n"


class RegistryMapped(Declarative2):
    """@registry.mapped classes with Mapped annotations."""

    def base_module(self) -> str:
        return "\n".join([self.header("the registry."), "", "from sqlalchemy.orm import registry", "", "mapper_registry = registry()", "metadata = mapper_registry.metadata"]) + "\n"

    def assoc_module(self) -> str:
        return super().assoc_module().replace("from .base import Base", "from .base import metadata").replace("Base.metadata", "metadata")

    def model_module(self, mod: str, models: list[Model]) -> str:
        text = super().model_module(mod, models)
        for m in models:
            text = text.replace(f"class {m.name}(Base):", f"@mapper_registry.mapped\nclass {m.name}:")
        return text.replace(self.imp(mod, "base", "Base"), self.imp(mod, "base", "mapper_registry"), 1)


class Imperative(Emitter):
    """registry + Table + map_imperatively."""

    def base_module(self) -> str:
        return "\n".join([self.header("the registry used by map_imperatively()."), "", "from sqlalchemy.orm import registry", "", "mapper_registry = registry()", "metadata = mapper_registry.metadata"]) + "\n"

    def assoc_module(self) -> str:
        return Declarative2.assoc_module(self).replace("from .base import Base", "from .base import metadata").replace("Base.metadata", "metadata")

    def model_module(self, mod: str, models: list[Model]) -> str:
        names = ", ".join(m.name for m in models)
        lines = [self.header(f"tables and imperatively mapped classes {names}."), ""]
        lines += ["from sqlalchemy import Column, ForeignKey, Integer, String, Table", "from sqlalchemy.orm import relationship", ""]
        lines.append(self.imp(mod, "base", "mapper_registry, metadata"))
        lines += self.runtime_imports(mod, models)
        for m in models:
            lines += ["", "", f"{m.table}_table = Table(", f'    "{m.table}",', "    metadata,", '    Column("id", Integer, primary_key=True),', '    Column("name", String(50), nullable=False, default=""),']
            for fk in m.fks:
                lines.append(f'    Column("{fk.col}", Integer, ForeignKey("{fk.text or fk.target.table + ".id"}")),')
            lines += [")", "", "", f"class {m.name}:", f'    """Mapped imperatively onto {m.table}."""']
            lines += ["", "", f"mapper_registry.map_imperatively(", f"    {m.name},", f"    {m.table}_table,", "    properties={"]
            for r in m.rels:
                lines.append(f'        "{r.attr}": {self.rel_call(r)},{r.marker}')
            lines += ["    },", ")"]
        return "\n".join(lines) + "\n"


class Flask(Emitter):
    """Flask-SQLAlchemy db.Model."""

    def base_module(self) -> str:
        if getattr(self.pkg, "flask_subclass", False):
            # The application's own subclass of the extension (Indico, Flask-AppBuilder do this).
            return "\n".join([self.header("the Flask-SQLAlchemy extension object."), "", "from flask_sqlalchemy import SQLAlchemy", "", "",
                              "class AppSQLAlchemy(SQLAlchemy):", "    pass", "", "", "db = AppSQLAlchemy()"]) + "\n"
        return "\n".join([self.header("the Flask-SQLAlchemy extension object."), "", "from flask_sqlalchemy import SQLAlchemy", "", "db = SQLAlchemy()"]) + "\n"

    def assoc_module(self) -> str:
        lines = [self.header("association tables (db.Table)."), "", "from .base import db"]
        for a in self.pkg.assocs:
            right_col = (f'db.Column("{a.right.table}_id", db.Integer, primary_key=True),{MARK}ORM303 {a.name}' if a.drop_fk_right
                         else f'db.Column("{a.right.table}_id", db.Integer, db.ForeignKey("{a.right.table}.id"), primary_key=True),')
            lines += ["", "", f"{a.name} = db.Table(", f'    "{a.name}",',
                      f'    db.Column("{a.left.table}_id", db.ForeignKey("{a.left.table}.id"), primary_key=True),',
                      f"    {right_col}", ")"]
        return "\n".join(lines) + "\n"

    def model_module(self, mod: str, models: list[Model]) -> str:
        names = ", ".join(m.name for m in models)
        lines = [self.header(f"Flask-SQLAlchemy models {names}."), "", "from typing import TYPE_CHECKING", ""]
        lines.append(self.imp(mod, "base", "db"))
        lines += self.runtime_imports(mod, models)
        lines.append("")
        lines += self.type_imports(mod, models)
        for m in models:
            lines += ["", f"class {m.name}(db.Model):", f'    __tablename__ = "{m.table}"', ""]
            lines.append("    id = db.Column(db.Integer, primary_key=True)")
            lines.append('    name = db.Column(db.String(50), nullable=False, default="")')
            for fk in m.fks:
                lines.append(f'    {fk.col} = db.Column(db.Integer, db.ForeignKey("{fk.text or fk.target.table + ".id"}"))')
            for r in m.rels:
                lines.append(f"    {r.attr} = {self.rel_call(r, 'db.relationship')}{r.marker}")
        return "\n".join(lines) + "\n"


class SqlModel(Emitter):
    """SQLModel table models; many-to-many through link models."""

    def base_module(self) -> str:
        return "\n".join([self.header("SQLModel's metadata is shared; nothing to declare but re-exports."), "", "from sqlmodel import SQLModel", "", "metadata = SQLModel.metadata"]) + "\n"

    def assoc_module(self) -> str:
        lines = [self.header("link models for the many-to-many relationships."), "", "from typing import Optional", "", "from sqlmodel import Field, SQLModel"]
        for a in self.pkg.assocs:
            right = (f"Field(default=None, primary_key=True){MARK}ORM303 {a.name}" if a.drop_fk_right
                     else f'Field(default=None, primary_key=True, foreign_key="{a.right.table}.id")')
            lines += ["", "", f"class {self.link(a)}(SQLModel, table=True):", f'    __tablename__ = "{a.name}"', "",
                      f'    {a.left.table}_id: Optional[int] = Field(default=None, primary_key=True, foreign_key="{a.left.table}.id")',
                      f"    {a.right.table}_id: Optional[int] = {right}"]
        return "\n".join(lines) + "\n"

    @staticmethod
    def link(a: Assoc) -> str:
        return "".join(w.capitalize() for w in a.name.split("_"))

    def model_module(self, mod: str, models: list[Model]) -> str:
        names = ", ".join(m.name for m in models)
        lines = [self.header(f"SQLModel table models {names}."), "", "from typing import TYPE_CHECKING, Optional", "", "from sqlmodel import Field, Relationship, SQLModel", ""]
        links = sorted({self.link(r.assoc) for m in models for r in m.rels if r.assoc is not None})
        if links:
            lines.append(self.imp(mod, "associations", ", ".join(links)))
        lines.append("")
        lines += self.type_imports(mod, models)
        for m in models:
            lines += ["", f"class {m.name}(SQLModel, table=True):", f'    __tablename__ = "{m.table}"', ""]
            lines.append("    id: Optional[int] = Field(default=None, primary_key=True)")
            lines.append('    name: str = Field(default="", max_length=50)')
            for fk in m.fks:
                lines.append(f'    {fk.col}: Optional[int] = Field(default=None, foreign_key="{fk.text or fk.target.table + ".id"}")')
            for r in m.rels:
                target = r.target_text or r.annotation_target or r.target.name  # the annotation is the target
                ann = f'list["{target}"]' if r.kind != "m2o" else f'Optional["{target}"]'
                kw = []
                if r.back:
                    kw.append(f'back_populates="{r.back}"')
                if r.assoc is not None:
                    kw.append(f"link_model={self.link(r.assoc)}")
                if r.self_ref and r.kind == "m2o":
                    kw.append(f'sa_relationship_kwargs={{"remote_side": "{m.name}.id"}}')
                lines.append(f"    {r.attr}: {ann} = Relationship({', '.join(kw)}){r.marker}")
        return "\n".join(lines) + "\n"


EMITTERS: dict[str, type[Emitter]] = {
    "declarative2": Declarative2, "declarative1": Declarative1, "imperative": Imperative,
    "registry_mapped": RegistryMapped, "flask": Flask, "sqlmodel": SqlModel, "mixed": Declarative2,
}


# ---------------------------------------------------------------------------
# Mutations: one fault, or one refactor that must stay silent


@dataclass
class Planted:
    """Where a mutation put its fault: a unique text to search for after rendering."""

    code: str
    module: str  # file path relative to the case root
    needle: str | tuple[str, ...]  # a tuple: the first of these that occurs
    severity: str = "error"
    also: list[tuple[str, str | tuple[str, ...]]] = field(default_factory=list)  # other acceptable (module, needle)
    note: str = ""
    # Mapped classes (first, second): the finding exists only when SQLAlchemy creates
    # the first one's mapper before the second's (see mapper_order).
    only_if_before: tuple[str, str] | None = None


Mutation = Callable[[Package, random.Random], "list[Planted] | None"]
MUTATIONS: dict[str, Mutation] = {}
# What SQLAlchemy does with each fault: checked by bench/label_check.py.
BEHAVIOUR: dict[str, dict] = {}


def mutation(kind: str, **behaviour):
    def register(fn: Mutation) -> Mutation:
        MUTATIONS[kind] = fn
        BEHAVIOUR[kind] = behaviour
        return fn
    return register


def _path(mod: str) -> str:
    return f"{PKG}/{mod}.py"


def _pick(pkg: Package, rng: random.Random, pred) -> Rel | None:
    rels = [r for m in pkg.models for r in m.rels if pred(r)]
    return rng.choice(rels) if rels else None


MARK = "  # case: "


def _mark(r: Rel, tag: str) -> str:
    """Tags the relationship's line so the rendered line can be found; render()
    removes every tag again once the lines are known."""
    r.marker = f"{MARK}{tag} {r.owner.name}.{r.attr}"
    return r.marker.strip()


@mutation("ORM101", stage="configure", error="InvalidRequestError", message="failed to locate a name")
def unknown_target(pkg, rng):
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref)
    if r is None:
        return None
    r.target_text = r.target.name + "x"
    return [Planted("ORM101", _path(r.owner.module), f'"{r.target_text}"')]


@mutation("ORM102", stage="configure", error="InvalidRequestError", message="failed to locate a name")
def unknown_secondary(pkg, rng):
    r = _pick(pkg, rng, lambda r: r.assoc is not None)
    if r is None or pkg.style == "sqlmodel":  # SQLModel names link models, never tables
        return None
    r.secondary_text = r.assoc.name + "s"
    return [Planted("ORM102", _path(r.owner.module), f'"{r.secondary_text}"')]


@mutation("ORM103", stage="configure", error="InvalidRequestError", message="has no property")
def missing_back_populates(pkg, rng):
    r = _pick(pkg, rng, lambda r: r.kind == "m2o" and not r.self_ref)
    if r is None:
        return None
    r.back = r.back + "_missing"
    return [Planted("ORM103", _path(r.owner.module), f'"{r.back}"')]


@mutation("ORM104", stage="ok", silent=True)
def one_sided_back_populates(pkg, rng):
    """The o2m side keeps back_populates; the m2o side loses its own: SQLAlchemy is silent."""
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref)
    if r is None:
        return None
    other = next(o for o in r.target.rels if o.attr == r.back and o.target is r.owner)
    other.back = None
    tag = _mark(r, "ORM104")
    return [Planted("ORM104", _path(r.owner.module), tag, severity="warning",
                    note=f"{r.owner.name}.{r.attr} back_populates {r.target.name}.{other.attr}, which does not point back")]


@mutation("ORM105", stage="configure", error="NoReferencedColumnError", message="has no column named")
def bad_foreign_key(pkg, rng):
    r = _pick(pkg, rng, lambda r: r.kind == "m2o" and not r.self_ref)
    if r is None:
        return None
    r.fk.text = f"{r.target.table}.idd"
    return [Planted("ORM105", _path(r.owner.module), f'"{r.fk.text}"')]


@mutation("ORM106", stage="configure", error="InvalidRequestError", message="Multiple classes found for path")
def duplicate_class_name(pkg, rng):
    """A second class with a target's name in another module of the same registry; every
    unqualified string reference to that name becomes ambiguous."""
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref and r.form in ("string", "annotation"))
    if r is None:
        return None
    t = r.target
    pkg.extra_files[f"{PKG}/legacy.py"] = (
        HEADER.format(style=pkg.style, seed=pkg.seed, what=f"an old copy of {t.name}, still mapped.") + "\n"
        + _legacy_class(pkg, t.name, f"legacy_{t.table}", t.base)
    )
    pkg.init_extra.append("legacy")
    refs = [x for m in pkg.models for x in m.rels if x.target is t and x.form in ("string", "annotation")]
    planted = []
    for x in refs:
        planted.append((_path(x.owner.module), _mark(x, "ORM106")))
    first, *rest = planted
    return [Planted("ORM106", first[0], first[1], also=rest)]


def _legacy_class(pkg: Package, name: str, table: str, base: str = "Base") -> str:
    """A hand-written module with one class, in the same registry as `base`."""
    style = pkg.style
    if style in ("declarative2", "mixed"):
        return f"from sqlalchemy.orm import Mapped, mapped_column\n\nfrom .base import {base}\n\n\nclass {name}({base}):\n    __tablename__ = \"{table}\"\n\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
    if style == "declarative1":
        return f"from sqlalchemy import Column, Integer\n\nfrom .base import Base\n\n\nclass {name}(Base):\n    __tablename__ = \"{table}\"\n\n    id = Column(Integer, primary_key=True)\n"
    if style == "flask":
        return f"from .base import db\n\n\nclass {name}(db.Model):\n    __tablename__ = \"{table}\"\n\n    id = db.Column(db.Integer, primary_key=True)\n"
    if style == "sqlmodel":
        return f"from typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n\n\nclass {name}(SQLModel, table=True):\n    __tablename__ = \"{table}\"\n\n    id: Optional[int] = Field(default=None, primary_key=True)\n"
    if style == "registry_mapped":
        return f"from sqlalchemy.orm import Mapped, mapped_column\n\nfrom .base import mapper_registry\n\n\n@mapper_registry.mapped\nclass {name}:\n    __tablename__ = \"{table}\"\n\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
    return f"from sqlalchemy import Column, Integer, Table\n\nfrom .base import mapper_registry, metadata\n\n{table}_table = Table(\"{table}\", metadata, Column(\"id\", Integer, primary_key=True))\n\n\nclass {name}:\n    pass\n\n\nmapper_registry.map_imperatively({name}, {table}_table)\n"


@mutation("ORM001", stage="import", error="SyntaxError", message="')'")
def syntax_error(pkg, rng):
    """A stray closing parenthesis after a relationship() call: the module does not parse."""
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref)
    if r is None or pkg.style == "sqlmodel":  # Relationship(...) is written without r.extra
        return None
    r.extra += ")"
    return [Planted("ORM001", _path(r.owner.module), _mark(r, "ORM001"))]


@mutation("ORM107", stage="ok", silent=True)
def annotation_disagrees(pkg, rng):
    """Mapped[list["Owner"]] on a relationship to another class: the explicit target wins."""
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref)
    if r is None or pkg.style not in ("declarative2", "mixed", "registry_mapped"):
        return None
    if r.form == "annotation":
        r.form = "string"
    r.annotation_target = r.owner.name
    tag = _mark(r, "ORM107")
    return [Planted("ORM107", _path(r.owner.module), tag, severity="warning")]


@mutation("ORM201", stage="import", error="ImportError", message="circular import")
def circular_import(pkg, rng):
    """Two model modules that reference each other import each other at run time."""
    pairs = sorted({(r.owner.module, r.target.module) for m in pkg.models for r in m.rels if r.owner.module != r.target.module},
                   key=lambda p: (int(p[0][1:]), int(p[1][1:])))
    pairs = [p for p in pairs if p[0] < p[1] or True]
    if not pairs or pkg.style == "imperative":
        return None
    a, b = rng.choice(pairs)
    # No `import pkg.mX` for lambdas anywhere: with them, other modules import each other at
    # run time too, and the import that fails can be on a longer cycle than a <-> b.
    for m in pkg.models:
        for r in m.rels:
            if r.form == "lambda":
                r.form = "string"
    pkg.import_mode[a] = "runtime"
    pkg.import_mode[b] = "runtime"
    pkg.modules.remove(a)
    pkg.modules.insert(0, a)  # imported first, so the import of a from b meets a half-done a
    pkg.relative[a] = pkg.relative[b] = False
    # In a, the line that starts running b (a lambda target's `import pkg.b` comes
    # above the annotations' `from pkg.b import` when there is one); in b, the
    # `from pkg.a import` that raises (importing a half-run module by name succeeds).
    starts_b = (f"import {PKG}.{b}  #", f"from {PKG}.{b} import")
    return [Planted("ORM201", _path(a), starts_b, also=[(_path(b), f"from {PKG}.{a} import")])]


@mutation("ORM202", stage="configure", error="InvalidRequestError", message="failed to locate a name")
def module_never_imported(pkg, rng):
    """__init__ forgets a model module whose classes others name by string."""
    if pkg.style in ("sqlmodel",):
        return None
    def incoming(mod):
        return [r for m in pkg.models for r in m.rels if r.target.module == mod and r.owner.module != mod]

    # Only modules named by strings alone: a lambda's `import pkg.mX` or a resolver
    # would import the module after all.
    cands = [mod for mod in pkg.modules if incoming(mod)
             and all(r.form in ("string", "annotation", "qualified") for r in incoming(mod))]
    if not cands:
        return None
    mod = rng.choice(cands)
    pkg.init_skip.add(mod)
    pkg.noise = 0  # noise modules could import it
    refs = incoming(mod)
    planted = [(_path(r.owner.module), _mark(r, "ORM202")) for r in refs]
    first, *rest = planted
    return [Planted("ORM202", first[0], first[1], also=rest)]


@mutation("ORM203", stage="ok", silent=True)
def annotation_name_not_imported(pkg, rng):
    """A TYPE_CHECKING import dropped: the string annotation still resolves at run time."""
    if pkg.style not in ("declarative2", "sqlmodel", "registry_mapped"):
        return None
    r = _pick(pkg, rng, lambda r: r.owner.module != r.target.module)
    if r is None:
        return None
    pkg.extra_files["__drop_import__"] = f"{r.owner.module}:{r.target.name}"
    # every relationship of that module naming this target is then unimported
    planted = [(_path(x.owner.module), _mark(x, "ORM203")) for m in pkg.models if m.module == r.owner.module
               for x in m.rels if x.target is r.target or x.annotation_target == r.target.name]
    first, *rest = planted
    return [Planted("ORM203", first[0], first[1], severity="warning", also=rest)]


@mutation("ORM301", stage="ok", warning="qzyx")
def overlapping_relationship(pkg, rng):
    r = _pick(pkg, rng, lambda r: r.kind == "o2m" and not r.self_ref)
    if r is None:
        return None
    dup = Rel(r.attr + "_again", r.owner, r.target, "o2m", None, fk=r.fk, form=r.form if r.form != "annotation" else "string")
    r.owner.rels.append(dup)
    tag = _mark(dup, "ORM301")
    planted = [Planted("ORM301", _path(r.owner.module), tag, severity="warning", also=[(_path(r.owner.module), _mark(r, "ORM301 other"))])]
    # SQLAlchemy warns once per relationship that writes the column without being
    # linked to the other writer: the new one, and the many-to-one side of the pair
    # it copies (back_populates links that one to the original only).
    # Relationships are configured mapper by mapper, in the order the mappers were
    # created, and the warning goes to the later of two writers: when the target's
    # mapper comes first, its many-to-one is configured before the new relationship
    # exists and only the new one warns (naming both others).
    partner = next((x for x in r.target.rels if r.back and x.attr == r.back and x.target is r.owner), None)
    if partner is not None:
        planted.append(Planted("ORM301", _path(partner.owner.module), _mark(partner, "ORM301 partner"), severity="warning",
                               only_if_before=(r.owner.name, r.target.name)))
    return planted


@mutation("ORM302", stage="import", error="InvalidRequestError", message="is already defined for this MetaData")
def duplicate_table_name(pkg, rng):
    t = rng.choice(pkg.models)
    pkg.extra_files[f"{PKG}/legacy.py"] = (
        HEADER.format(style=pkg.style, seed=pkg.seed, what=f"a second class on table {t.table}.") + "\n"
        + _legacy_class(pkg, f"Legacy{t.name}", t.table, t.base)
    )
    pkg.init_extra.append("legacy")
    needle = f'"{t.table}"'
    # SQLAlchemy raises at whichever definition runs second; renaming either fixes it.
    first = (f'__tablename__ = "{t.table}"', f'    "{t.table}",', f'Table("{t.table}"')
    return [Planted("ORM302", f"{PKG}/legacy.py", needle, also=[(_path(t.module), first)])]


@mutation("ORM303", stage="configure", error="NoForeignKeysError", message="no foreign keys")
def association_missing_fk(pkg, rng):
    if not pkg.assocs:
        return None
    a = rng.choice(pkg.assocs)
    a.drop_fk_right = True
    # SQLAlchemy names the relationship it was configuring (either side of the
    # many-to-many); the column that lacks its ForeignKey is where the fix goes.
    users = [r for m in pkg.models for r in m.rels if r.assoc is a]
    if not users:
        return None
    first, *rest = [(_path(r.owner.module), _mark(r, "ORM303")) for r in users]
    column = (f"{PKG}/associations.py", f"{MARK.strip()} ORM303 {a.name}")
    return [Planted("ORM303", first[0], first[1], also=rest + [column])]


# Refactors that must stay silent.

@mutation("clean", stage="ok")
def clean(pkg, rng):
    return []


@mutation("refactor-qualified", stage="ok")
def refactor_qualified(pkg, rng):
    for m in pkg.models:
        for r in m.rels:
            if r.form in ("string", "annotation"):
                r.form = "qualified"
    return []


@mutation("refactor-resolver", stage="ok")
def refactor_resolver(pkg, rng):
    if pkg.style not in ("declarative2", "declarative1", "flask", "mixed"):
        return None
    pkg.style_resolvers = True  # type: ignore[attr-defined]
    for m in pkg.models:
        for r in m.rels:
            r.form = "resolver"
    return []


@mutation("refactor-lambda-cycle", stage="ok")
def refactor_lambda_cycle(pkg, rng):
    """`import pkg.mX` at module level in both directions (a harmless cycle) and
    `lambda: pkg.mX.Cls` targets, read only at configure time."""
    if pkg.style not in ("declarative2", "declarative1", "flask", "mixed"):
        return None
    for m in pkg.models:
        for r in m.rels:
            r.form = "lambda"
        pkg.import_mode[m.module] = "module"
    return []


@mutation("refactor-aliases", stage="ok")
def refactor_aliases(pkg, rng):
    if pkg.style not in ("declarative2", "mixed"):
        return None
    for i, mod in enumerate(pkg.modules):
        pkg.aliases[mod] = ("alias", "orm", "sa", "plain")[i % 4]
        pkg.relative[mod] = i % 2 == 0
    return []


@mutation("refactor-table-variable", stage="ok")
def refactor_table_variable(pkg, rng):
    if pkg.style not in ("declarative2", "declarative1", "flask", "mixed", "imperative", "registry_mapped"):
        return None
    for m in pkg.models:
        for r in m.rels:
            if r.assoc is not None:
                r.sec_form = "variable"
    return []


@mutation("refactor-kwargs", stage="ok")
def refactor_kwargs(pkg, rng):
    """back_populates passed through **{...}: nothing may be concluded from its absence."""
    if pkg.style in ("sqlmodel",):
        return None
    pkg.kwargs_splat = True  # type: ignore[attr-defined]
    return []


@mutation("refactor-double-fk", stage="ok")
def refactor_double_fk(pkg, rng):
    """The created_by/updated_by shape of almost every real schema: a second foreign key to the
    same table, each relationship choosing its column with foreign_keys=. SQLAlchemy neither
    raises (no ambiguity left) nor warns (each writes its own column)."""
    if pkg.style == "sqlmodel":
        return None
    up = _pick(pkg, rng, lambda r: r.kind == "m2o" and not r.self_ref and r.fk is not None
               and r.back is not None and r.form in ("string", "annotation"))
    if up is None:
        return None
    a, t, fk = up.owner, up.target, up.fk
    down = next(r for r in t.rels if r.attr == up.back)
    second = Fk(f"{t.table}_editor_id", t)
    a.fks.append(second)
    in_body = pkg.style != "imperative"  # class-body names; imperative mappings have none
    up.extra += f", foreign_keys=[{fk.col}]" if in_body else f', foreign_keys="[{a.name}.{fk.col}]"'
    down.extra += f', foreign_keys="[{a.name}.{fk.col}]"'
    editor = Rel(f"{t.table}_editor", a, t, "m2o", None, fk=second)
    editor.extra = f", foreign_keys=[{second.col}]" if in_body else f', foreign_keys="[{a.name}.{second.col}]"'
    a.rels.append(editor)
    return []


@mutation("refactor-flask-subclass", stage="ok")
def refactor_flask_subclass(pkg, rng):
    """db = AppSQLAlchemy(), a subclass of the extension: its db.Model classes are still models."""
    if pkg.style != "flask":
        return None
    pkg.flask_subclass = True  # type: ignore[attr-defined]
    return []


# ---------------------------------------------------------------------------
# Writing a case


def render(pkg: Package) -> dict[str, str]:
    extra = dict(pkg.extra_files)
    drop = extra.pop("__drop_import__", None)
    saved, pkg.extra_files = pkg.extra_files, extra
    emitter = EMITTERS[pkg.style](pkg)
    if getattr(pkg, "style_resolvers", False) and pkg.style != "mixed":
        base = emitter.base_module
        emitter.base_module = lambda: base() + "\n".join(_resolvers(pkg)) + "\n"  # type: ignore[method-assign]
    files = emitter.files()
    pkg.extra_files = saved
    if drop:
        mod, name = drop.split(":")
        path = f"{PKG}/{mod}.py"
        lines = files[path].split("\n")
        kept = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("from ") and " import " in stripped and name in stripped.split(" import ")[1].split(", "):
                names = [x for x in stripped.split(" import ")[1].split(", ") if x != name]
                if names:
                    kept.append(line.split(" import ")[0] + " import " + ", ".join(names))
                continue
            kept.append(line)
        text = "\n".join(kept)
        if "if TYPE_CHECKING:\n\n" in text:
            text = text.replace("if TYPE_CHECKING:\n\n", "if TYPE_CHECKING:\n    pass\n\n")
        files[path] = text
    return files


def mapper_order(files: dict[str, str], entries: list[str]) -> list[str]:
    """The names of mapped classes in the order importing `entries` creates their
    mappers: module-level statements in order, following every run-time import
    (not those under `if TYPE_CHECKING:`), each module run once, a class at its
    `class` statement or, when mapped imperatively, at its `map_imperatively` call."""
    order: list[str] = []
    started: set[str] = set()

    def path_of(module: str) -> str | None:
        base = module.replace(".", "/")
        for candidate in (f"{base}.py", f"{base}/__init__.py"):
            if candidate in files:
                return candidate
        return None

    def run(module: str) -> None:
        parts = module.split(".")
        for i in range(1, len(parts)):
            run(".".join(parts[:i]))
        path = path_of(module)
        if module in started or path is None:
            return
        started.add(module)
        package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
        imperative = set()
        tree = ast.parse(files[path])
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "map_imperatively" and node.args:
                imperative.add(getattr(node.args[0], "id", ""))
        for node in tree.body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    run(alias.name)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                run(base)
                for alias in node.names:
                    if path_of(f"{base}.{alias.name}"):
                        run(f"{base}.{alias.name}")
            elif isinstance(node, ast.ClassDef) and node.name not in imperative:
                order.append(node.name)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) \
                    and getattr(node.value.func, "attr", "") == "map_imperatively" and node.value.args:
                order.append(getattr(node.value.args[0], "id", ""))

    for entry in entries:
        run(entry)
    return order


def _strip_marks(text: str) -> str:
    if MARK not in text:
        return text
    return "\n".join(line.split(MARK, 1)[0] for line in text.split("\n"))


def line_of(text: str, needle: str | tuple[str, ...]) -> int:
    """The one line holding needle; a tuple of needles means the first one that occurs."""
    if isinstance(needle, tuple):
        needle = next((n for n in needle if n in text), needle[0])
    hits = [i + 1 for i, line in enumerate(text.split("\n")) if needle in line]
    if len(hits) != 1:
        raise AssertionError(f"needle {needle!r} found on lines {hits}, want exactly one")
    return hits[0]


def generate(out: Path, models: int, style: str, seed: int, noise: int = 0, mutate: str | None = None) -> dict | None:
    """Writes one case to `out`; returns its case.json, or None when the mutation
    does not apply to this style or graph (nothing is written then)."""
    if style not in STYLES:
        raise SystemExit(f"unknown style {style!r}; choose from {', '.join(STYLES)}")
    kind = mutate or "clean"
    if kind not in MUTATIONS:
        raise SystemExit(f"unknown mutation {kind!r}; choose from {', '.join(MUTATIONS)}")
    pkg = build(models, style, seed, noise)
    planted = MUTATIONS[kind](pkg, random.Random(f"mutate:{seed}:{kind}"))
    if planted is None:
        return None
    files = render(pkg)
    expected = []
    order: list[str] | None = None
    for p in planted:
        if p.only_if_before:
            order = order if order is not None else mapper_order(files, [PKG])
            first, second = p.only_if_before
            if order.index(first) > order.index(second):
                continue
        try:
            line = line_of(files[p.module], p.needle)
        except (AssertionError, KeyError) as exc:
            raise AssertionError(f"{style}/{kind}: {exc}") from exc
        item = {"code": p.code, "path": p.module, "line": line, "severity": p.severity}
        if p.also:
            item["also"] = [{"path": path, "line": line_of(files[path], needle)} for path, needle in p.also]
        if p.note:
            item["note"] = p.note
        expected.append(item)
    files = {rel: _strip_marks(text) for rel, text in files.items()}
    if out.exists():
        shutil.rmtree(out)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    case = {
        "root": ".",
        "entries": [PKG],
        "style": style,
        "models": models,
        "seed": seed,
        "noise_modules": pkg.noise,
        "mutation": kind,
        "sqlalchemy": BEHAVIOUR[kind],
        "expected": expected,
    }
    (out / "case.json").write_text(json.dumps(case, indent=2) + "\n", encoding="utf-8")
    return case


def generate_cases(out: Path, models: int, seed: int, styles=STYLES, kinds=None) -> list[Path]:
    """One case per style x mutation kind (those that apply), in out/<style>/<kind>/."""
    written = []
    for style in styles:
        for kind in kinds or MUTATIONS:
            target = out / style / kind
            if generate(target, models, style, seed, noise=3 if kind == "clean" else 0, mutate=kind) is not None:
                written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--models", type=int, default=12)
    parser.add_argument("--style", default="declarative2", choices=STYLES)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--noise-modules", type=int, default=0)
    parser.add_argument("--mutate", choices=sorted(MUTATIONS))
    parser.add_argument("--cases", type=Path, help="write every style x mutation kind under this directory")
    parser.add_argument("--list", action="store_true", help="list mutation kinds and what SQLAlchemy does")
    args = parser.parse_args(argv)
    if args.list:
        for kind, behaviour in BEHAVIOUR.items():
            print(kind, json.dumps(behaviour))
        return 0
    if args.cases:
        for path in generate_cases(args.cases, args.models, args.seed):
            print(path)
        return 0
    if not args.out:
        parser.error("--out is required")
    case = generate(args.out, args.models, args.style, args.seed, args.noise_modules, args.mutate)
    if case is None:
        print(f"generate: mutation {args.mutate} does not apply to style {args.style} with this graph", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
