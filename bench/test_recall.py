"""The real-code oracle and recall scorer: where each reference SQLAlchemy resolved is written, how
an answer is judged, and the stubs that let a project import without its dependencies."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "realworld"))
import recall  # noqa: E402

ORACLE = Path(__file__).resolve().parent / "realworld" / "import_oracle.py"

MODELS = textwrap.dedent('''\
    import not_installed_anywhere as helpers
    from sqlalchemy import Column, ForeignKey, Integer
    from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

    class Base(DeclarativeBase):
        pass

    class Parent(helpers.AuditMixin, Base):
        __tablename__ = "parent"
        id = Column(Integer, primary_key=True)
        # 親 😀
        children: Mapped[list["Child"]] = relationship("Child", info={"親": "😀"}, back_populates="parent")

    @helpers.register
    class Child(Base):
        __tablename__ = "child"
        id = Column(Integer, primary_key=True)
        parent_id = Column(ForeignKey("parent.id"))
        parent = relationship(Parent, back_populates="children")
    ''')


def oracle_of(tmp_path: Path) -> dict:
    pkg = tmp_path / "src" / "shop"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "models.py").write_text(MODELS, encoding="utf-8")
    out = tmp_path / "oracle.json"
    subprocess.run([sys.executable, str(ORACLE), str(tmp_path / "src"), str(out)], check=True)
    return json.loads(out.read_text())


def test_the_oracle_imports_through_stubs_and_records_what_sqlalchemy_resolved(tmp_path):
    oracle = oracle_of(tmp_path)
    assert oracle["imported"] == ["shop.models"] and oracle["failed"] == {}
    by_name = {c["class"]: c for c in oracle["classes"]}
    children = by_name["Parent"]["relationships"][0]
    assert (children["key"], children["target"], children["back_populates"]) == (
        "children", "shop.models.Child", "parent")
    assert oracle["foreign_keys"] == {"parent.id": {"table": "parent", "column": "id"}}


def test_sites_are_found_where_the_references_are_written(tmp_path):
    oracle = oracle_of(tmp_path)
    sites = {(s["kind"], s["line"], s["character"]) for s in recall.sites(tmp_path / "src", oracle)}
    line = MODELS.splitlines()
    children = next(i for i, l in enumerate(line) if "children:" in l)
    assert ("target", children, line[children].rindex('"Child"') + 1) in sites
    assert ("annotation", children, line[children].index('"Child"]') + 1) in sites
    after_emoji = line[children][: line[children].index('"parent"') + 1]
    assert ("back_populates", children, len(after_emoji.encode("utf-16-le")) // 2) in sites, "UTF-16 units"
    fk = next(i for i, l in enumerate(line) if "ForeignKey(" in l)
    assert ("fk_table", fk, line[fk].index("parent.id")) in sites
    assert ("fk_column", fk, line[fk].index("id\")")) in sites


def test_an_answer_elsewhere_is_wrong_and_no_answer_is_a_miss(tmp_path):
    src = tmp_path / "src"
    (src / "shop").mkdir(parents=True)
    (src / "shop" / "models.py").write_text(MODELS, encoding="utf-8")
    child_line = MODELS.splitlines().index("class Child(Base):")
    site = recall.Site(kind="target", file="shop/models.py", line=0, character=0,
                       expect={"class": "Child", "file": "shop/models.py"})
    at = lambda line: {"uri": (src / "shop/models.py").as_uri(),  # noqa: E731
                       "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}}
    score = recall.judge(src, [site, site, site], [[at(child_line)], [at(0)], []])
    assert [c["verdict"] for c in score["_cases"]] == ["hit", "wrong", "missed"]
    assert score["kinds"]["target"]["recall"] == round(1 / 3, 4)
