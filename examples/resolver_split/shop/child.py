# resolver_split: Child with resolver targets, the mirror image of Parent.
# 子モデル 👶
from typing import TYPE_CHECKING

from .base import Base, resolve_parent_table, from_clause, resolve_association_table
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

if TYPE_CHECKING:
    from .association import Association
    from .parent import Parent


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[list["Parent"]] = relationship(
        resolve_parent_table,
        secondary=from_clause(resolve_association_table), back_populates="children"
    )
    parent_associations: Mapped[list["Association"]] = relationship(
        resolve_association_table,
        back_populates="child"
    )
