# resolver_split: the article's final base.py: the declarative base plus lazy resolver
# functions that import a model only when SQLAlchemy calls them, and from_clause(),
# which turns a class resolver into a table resolver for `secondary=`.
# 遅延リゾルバ: 関数を呼んだ時に初めて import する 💤
from typing import Callable, Type

from sqlalchemy import FromClause
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def from_clause(fn: Callable[[], Type[DeclarativeBase]]) -> Callable[[], FromClause]:
    return lambda: fn().__table__


def resolve_association_table():
    from .association import Association
    return Association


def resolve_parent_table():
    from .parent import Parent
    return Parent


def resolve_child_table():
    from .child import Child
    return Child
