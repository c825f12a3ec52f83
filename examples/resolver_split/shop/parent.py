# resolver_split: Parent passes resolver functions instead of strings. Importing only this
# module passes configure_mappers(), but the first parent.children.append(child) fails
# with AttributeError '_append_token' (Child was mapped during configuration).
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from .base import Base, resolve_association_table, from_clause, resolve_child_table

if TYPE_CHECKING:
    from .child import Child
    from .association import Association


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(
        resolve_child_table,  # 参照先クラスを返す関数を渡す
        # secondaryはFromClauseを返す関数を渡す必要がある
        secondary=from_clause(resolve_association_table), back_populates="parents"
    )
    child_associations: Mapped[list["Association"]] = relationship(
        resolve_association_table,
        back_populates="parent"
    )
