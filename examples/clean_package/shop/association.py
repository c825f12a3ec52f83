# clean_package: the association object; the only writer of association_table rows.
# 中間テーブルの行はここだけが書き込む 📝
from typing import TYPE_CHECKING, Optional

from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.schema import ForeignKey

from .base import Base

if TYPE_CHECKING:
    from .child import Child
    from .parent import Parent


class Association(Base):
    __tablename__ = "association_table"

    left_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"), primary_key=True)
    right_id: Mapped[int] = mapped_column(ForeignKey("right_table.id"), primary_key=True)
    extra_data: Mapped[Optional[str]]
    child: Mapped["Child"] = relationship(back_populates="parent_associations")
    parent: Mapped["Parent"] = relationship(back_populates="child_associations")
