# type_checking_split: the association object, mapped to association_table, which is
# also the `secondary` of Parent.children / Child.parents.
from typing import TYPE_CHECKING, Optional

from .base import Base
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
    child: Mapped["Child"] = relationship(back_populates="parent_associations")
    parent: Mapped["Parent"] = relationship(back_populates="child_associations")
