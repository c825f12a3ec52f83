# resolver_split: the association object with resolver targets. It maps association_table,
# which Parent.children / Child.parents also use as `secondary` (overlap warning qzyx).
from typing import TYPE_CHECKING, Optional

from .base import Base, resolve_parent_table, resolve_child_table
from sqlalchemy.schema import ForeignKey
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

if TYPE_CHECKING:
    from .child import Child
    from .parent import Parent


class Association(Base):
    __tablename__ = "association_table"

    left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
    right_id: Mapped[int] = mapped_column(
        ForeignKey("right_table.id"), primary_key=True
    )
    extra_data: Mapped[Optional[str]]
    child: Mapped["Child"] = relationship(resolve_child_table, back_populates="parent_associations")
    parent: Mapped["Parent"] = relationship(resolve_parent_table, back_populates="child_associations")
