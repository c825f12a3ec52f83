"""The oracle on small packages written to temporary directories, with both SQLAlchemy versions."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from oraclerun import ORACLE, OracleJob, available_flavours, run_oracle, sa_warnings, venv_python

FLAVOURS = available_flavours()
pytestmark = pytest.mark.skipif(not FLAVOURS, reason="run bench/setup-venvs.sh first")


def write_pkg(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def oracle(root: Path, flavour: str, *entries: str) -> dict:
    return run_oracle(OracleJob(str(root), tuple(entries), flavour))


BASE = """
    from sqlalchemy.orm import DeclarativeBase

    class Base(DeclarativeBase):
        pass
"""

PARENT_CHILD = {
    "pkg/__init__.py": "from . import parent, child\n",
    "pkg/base.py": BASE,
    "pkg/parent.py": """
        from typing import TYPE_CHECKING
        from sqlalchemy import String
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        if TYPE_CHECKING:
            from .child import Child

        class Parent(Base):
            __tablename__ = "parent"
            id: Mapped[int] = mapped_column(primary_key=True)
            name: Mapped[str] = mapped_column(String(3))
            children: Mapped[list["Child"]] = relationship(back_populates="parent")
            tags: Mapped[list["Tag"]] = relationship(secondary="parent_tag", back_populates="parents")
    """,
    "pkg/child.py": """
        import datetime
        from typing import TYPE_CHECKING
        from sqlalchemy import Column, ForeignKey, Table
        from sqlalchemy.orm import Mapped, mapped_column, relationship
        from .base import Base
        if TYPE_CHECKING:
            from .parent import Parent

        parent_tag = Table(
            "parent_tag", Base.metadata,
            Column("parent_id", ForeignKey("parent.id"), primary_key=True),
            Column("tag_code", ForeignKey("tag.code"), primary_key=True),
        )

        class Child(Base):
            __tablename__ = "child"
            id: Mapped[int] = mapped_column(primary_key=True)
            born: Mapped[datetime.date]
            parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
            parent: Mapped["Parent"] = relationship(back_populates="children")

        class Tag(Base):
            __tablename__ = "tag"
            code: Mapped[str] = mapped_column(primary_key=True)
            parents: Mapped[list["Parent"]] = relationship(secondary=parent_tag, back_populates="tags")
    """,
}


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_clean_package_round_trips_every_relationship(tmp_path, flavour):
    root = write_pkg(tmp_path, PARENT_CHILD)
    report = oracle(root, flavour, "pkg")
    assert report["stage"] == "ok", report["error"]
    assert report["error"] is None
    assert report["warnings"] == []
    assert report["sqlalchemy"].startswith({"sa20": "2.0.", "sa21": "2.1."}[flavour])
    assert report["mapped_classes"] == ["pkg.child.Child", "pkg.child.Tag", "pkg.parent.Parent"]
    assert report["tables"] == ["child", "parent", "parent_tag", "tag"]
    assert sorted(report["relationships"]) == [
        "pkg.child.Child.parent",
        "pkg.child.Tag.parents",
        "pkg.parent.Parent.children",
        "pkg.parent.Parent.tags",
    ]
    assert report["imported_during_configure"] == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_typo_in_target_fails_at_configure(tmp_path, flavour):
    files = dict(PARENT_CHILD)
    files["pkg/child.py"] = files["pkg/child.py"].replace('Mapped["Parent"] = relationship(', 'Mapped["Parent"] = relationship("Parnet", ')
    report = oracle(write_pkg(tmp_path, files), flavour, "pkg")
    assert report["stage"] == "configure"
    assert report["error"]["type"] == "InvalidRequestError"
    assert report["error"]["module"] == "sqlalchemy.exc"
    assert "expression 'Parnet' failed to locate a name" in report["error"]["message"]
    assert report["error"]["stage"] == "configure"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_circular_import_is_an_import_error_with_the_cycle_frames(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/base.py": BASE,
        "pkg/a.py": "from .base import Base\nfrom .b import B\n\nclass A(Base):\n    __tablename__ = 'a'\n    id = __import__('sqlalchemy').Column(__import__('sqlalchemy').Integer, primary_key=True)\n",
        "pkg/b.py": "from .base import Base\nfrom .a import A\n\nclass B(Base):\n    __tablename__ = 'b'\n    id = __import__('sqlalchemy').Column(__import__('sqlalchemy').Integer, primary_key=True)\n",
    })
    report = oracle(root, flavour, "pkg.a")
    assert report["stage"] == "import"
    assert report["error"]["type"] == "ImportError"
    assert "circular import" in report["error"]["message"]
    assert [f["path"] for f in report["error"]["user_frames"]] == ["pkg/a.py", "pkg/b.py"]
    assert report["error"]["user_frames"][0]["line"] == 2


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_user_prints_and_exits_do_not_corrupt_the_json(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "noisy.py": "print('hello from user code')\nimport os\nos.write(1, b'raw fd write\\n')\nraise SystemExit(4)\n",
    })
    report = oracle(root, flavour, "noisy")
    assert report["stage"] == "import"
    assert report["error"]["type"] == "SystemExit"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_overlap_warning_is_captured_with_its_code(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "m.py": """
            import warnings
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

            warnings.warn("a user warning")

            class Base(DeclarativeBase):
                pass

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs: Mapped[list["B"]] = relationship()
                bs2: Mapped[list["B"]] = relationship()

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
                a_id: Mapped[int] = mapped_column(ForeignKey("a.id"))
        """,
    })
    report = oracle(root, flavour, "m")
    assert report["stage"] == "ok"
    assert {"category": "UserWarning", "code": None, "message": "a user warning"} in report["warnings"]
    sa = sa_warnings(report)
    assert sa and all(w["code"] == "qzyx" for w in sa)
    assert "conflicts with relationship(s)" in sa[0]["message"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_create_all_failure_is_its_own_stage(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "m.py": """
            from sqlalchemy import ForeignKey
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

            class Base(DeclarativeBase):
                pass

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                x_id: Mapped[int] = mapped_column(ForeignKey("nowhere.id"))
        """,
    })
    report = oracle(root, flavour, "m")
    assert report["stage"] == "create_all"
    assert report["error"]["type"] == "NoReferencedTableError"


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_resolvers_with_one_module_imported_fail_at_first_append(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/base.py": textwrap.dedent(BASE) + """
def resolve_b():
    from .b import B
    return B

def resolve_ab():
    from .b import ab
    return ab
""",
        "pkg/a.py": """
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base, resolve_b, resolve_ab

            class A(Base):
                __tablename__ = "a"
                id: Mapped[int] = mapped_column(primary_key=True)
                bs = relationship(resolve_b, secondary=resolve_ab, back_populates="as_")
        """,
        "pkg/b.py": """
            from sqlalchemy import Column, ForeignKey, Table
            from sqlalchemy.orm import Mapped, mapped_column, relationship
            from .base import Base

            ab = Table("ab", Base.metadata, Column("a_id", ForeignKey("a.id"), primary_key=True),
                       Column("b_id", ForeignKey("b.id"), primary_key=True))

            class B(Base):
                __tablename__ = "b"
                id: Mapped[int] = mapped_column(primary_key=True)
                as_ = relationship("A", secondary=ab, back_populates="bs")
        """,
    })
    report = oracle(root, flavour, "pkg.a")
    assert report["stage"] == "roundtrip"
    assert report["imported_during_configure"] == ["pkg.b.B"]
    assert report["error"]["type"] == "AttributeError"
    assert report["error"]["message"] == "'NoneType' object has no attribute '_append_token'"
    assert report["error"]["relationship"] == "pkg.a.A.bs"
    both = oracle(root, flavour, "pkg.a", "pkg.b")
    assert both["stage"] == "ok", both["error"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_registries_with_the_same_table_names_and_imperative_classes(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "one.py": """
            from sqlalchemy import Column, ForeignKey, Integer, String, Table
            from sqlalchemy.orm import registry, relationship

            reg = registry()
            user = Table("user", reg.metadata, Column("id", Integer, primary_key=True),
                         Column("name", String(10), nullable=False))
            address = Table("address", reg.metadata, Column("id", Integer, primary_key=True),
                            Column("user_id", ForeignKey("user.id"), nullable=False))

            class User:
                def __init__(self, name):
                    self.name = name

            class Address:
                pass

            reg.map_imperatively(User, user, properties={"addresses": relationship(Address, backref="user")})
            reg.map_imperatively(Address, address)
        """,
        "two.py": """
            from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

            class Base(DeclarativeBase):
                pass

            class User(Base):
                __tablename__ = "user"
                id: Mapped[int] = mapped_column(primary_key=True)
        """,
    })
    report = oracle(root, flavour, "one", "two")
    assert report["stage"] == "ok", report["error"]
    assert report["warnings"] == []
    assert report["mapped_classes"] == ["one.Address", "one.User", "two.User"]
    assert report["tables"] == ["address", "user"]
    assert sorted(report["relationships"]) == ["one.Address.user", "one.User.addresses"]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_flask_sqlalchemy_and_sqlmodel_packages(tmp_path, flavour):
    root = write_pkg(tmp_path, {
        "flaskapp.py": """
            from flask_sqlalchemy import SQLAlchemy

            db = SQLAlchemy()
            tags = db.Table("post_tag", db.Column("post_id", db.ForeignKey("post.id"), primary_key=True),
                            db.Column("tag_id", db.ForeignKey("tag.id"), primary_key=True))

            class Post(db.Model):
                id = db.Column(db.Integer, primary_key=True)
                title = db.Column(db.String(20), nullable=False)
                tags = db.relationship("Tag", secondary=tags, back_populates="posts")

            class Tag(db.Model):
                id = db.Column(db.Integer, primary_key=True)
                posts = db.relationship("Post", secondary=tags, back_populates="tags")
        """,
        "sqlmodelapp.py": """
            from typing import Optional
            from sqlmodel import Field, Relationship, SQLModel

            class Team(SQLModel, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                name: str
                heroes: list["Hero"] = Relationship(back_populates="team")

            class Hero(SQLModel, table=True):
                id: Optional[int] = Field(default=None, primary_key=True)
                team_id: Optional[int] = Field(default=None, foreign_key="team.id")
                team: Optional[Team] = Relationship(back_populates="heroes")
        """,
    })
    report = oracle(root, flavour, "flaskapp", "sqlmodelapp")
    assert report["stage"] == "ok", report["error"]
    assert sa_warnings(report) == []
    assert report["tables"] == ["hero", "post", "post_tag", "tag", "team"]
    assert len(report["relationships"]) == 4


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_command_line_exit_code_and_single_json_line(tmp_path, flavour):
    root = write_pkg(tmp_path, {"m.py": "print('noise')\nraise RuntimeError('boom')\n"})
    proc = subprocess.run(
        [str(venv_python(flavour)), str(ORACLE), "--root", str(root), "--entry", "m"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    report = json.loads(proc.stdout)
    assert report["error"]["type"] == "RuntimeError"
    assert report["error"]["message"] == "boom"
    assert report["error"]["user_frames"] == [{"path": "m.py", "line": 2}]
    assert "noise" in proc.stderr


def test_dummy_values_follow_column_types():
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    try:
        import sqlalchemy  # noqa: F401 - only inside a venv
    except ImportError:
        pytest.skip("needs SQLAlchemy")
    import datetime
    import decimal
    import enum

    from sqlalchemy import Column, Date, Enum, Numeric, String

    import oracle as o

    class Colour(enum.Enum):
        red = 1

    assert o._dummy_value(Column(String(1)), 7) == "h"
    assert o._dummy_value(Column(String(5)), 7) == "v7"
    assert o._dummy_value(Column(Date), 1) == datetime.date(2000, 1, 2)
    assert o._dummy_value(Column(Numeric), 3) == decimal.Decimal(3)
    assert o._dummy_value(Column(Enum(Colour)), 3) is Colour.red
    assert o._dummy_value(Column(Enum("a", "b")), 3) == "a"
