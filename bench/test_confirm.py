"""Warnings put to SQLAlchemy: ORM Lens's own wording on small packages, confirmed (or refuted) by
importing them the way each warning says would fail."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
import confirm  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
JAR = REPO / "server" / "lsp" / "target" / "ormlens.jar"
ORACLE = REPO / "bench" / "realworld" / "import_oracle.py"

BASE = """\
from sqlalchemy.orm import DeclarativeBase

class Base(DeclarativeBase):
    pass
"""


def package(tmp_path: Path, files: dict[str, str]) -> Path:
    src = tmp_path / "src"
    for name, text in {"shop/__init__.py": "", "shop/base.py": BASE, **files}.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return src


def warnings_of(src: Path) -> list[dict]:
    if not JAR.is_file():
        pytest.skip(f"no jar at {JAR} (mvn -DskipTests package)")
    run = subprocess.run(["java", "-jar", str(JAR), "check", ".", "--format", "json", "--exit-zero"],
                         cwd=src, capture_output=True, text=True, check=True)
    return [d for d in json.loads(run.stdout)["diagnostics"] if d["severity"] == "warning"]


def oracle_of(src: Path, tmp_path: Path) -> dict:
    out = tmp_path / "oracle.json"
    subprocess.run([sys.executable, str(ORACLE), str(src), str(out)], check=True)
    return json.loads(out.read_text())


def test_a_latent_circular_import_is_confirmed_by_importing_the_module_it_names_first(tmp_path):
    src = package(tmp_path, {
        "shop/parent.py": """\
            # 親: 子を実行時に import する 🔁
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base
            from .child import Child

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children: Mapped[list[Child]] = relationship(back_populates="parent")
            """,
        "shop/child.py": """\
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base
            from .parent import Parent

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
                parent: Mapped[Parent] = relationship(back_populates="children")
            """})
    found = confirm.confirm(warnings_of(src), None, src, sys.executable)
    assert found["ORM201"]["confirmed"] >= 2 and found["ORM201"]["refuted"] == 0, found


def test_a_latent_never_imported_class_is_confirmed_by_configuring_after_that_first_import(tmp_path):
    src = package(tmp_path, {
        "shop/parent.py": """\
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            class Parent(Base):
                __tablename__ = "parent"
                id: Mapped[int] = mapped_column(primary_key=True)
                children = relationship("Child")
            """,
        "shop/child.py": """\
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import Mapped, mapped_column
            from .base import Base

            class Child(Base):
                __tablename__ = "child"
                id: Mapped[int] = mapped_column(primary_key=True)
                parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            """})
    found = confirm.confirm(warnings_of(src), None, src, sys.executable)
    assert found["ORM202"] == {"confirmed": 1, "refuted": 0, "unknown": 0, "cases": []}


def test_a_one_sided_back_populates_is_confirmed_by_what_sqlalchemy_mapped_on_the_other_side(tmp_path):
    src = package(tmp_path, {"shop/models.py": """\
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            children: Mapped[list["Child"]] = relationship(back_populates="parent")

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped[Parent] = relationship()
        """})
    oracle = oracle_of(src, tmp_path)
    found = confirm.confirm(warnings_of(src), oracle, src, sys.executable)
    assert found["ORM104"] == {"confirmed": 1, "refuted": 0, "unknown": 0, "cases": []}

    # Had SQLAlchemy mapped the other side with back_populates, the warning would be false.
    for cls in oracle["classes"]:
        for r in cls["relationships"]:
            if r["key"] == "parent":
                r["back_populates"] = "children"
    assert confirm.confirm(warnings_of(src), oracle, src, sys.executable)["ORM104"]["refuted"] == 1
