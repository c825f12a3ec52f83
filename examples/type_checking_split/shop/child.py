# type_checking_split: Child with TYPE_CHECKING imports and string targets.
from typing import TYPE_CHECKING

from .base import Base
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

if TYPE_CHECKING:  # 型チェック時だけimportする
    from .association import Association
    from .parent import Parent


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[list["Parent"]] = relationship(
        secondary="association_table", back_populates="children"
    )
    parent_associations: Mapped[list["Association"]] = relationship(
        back_populates="child"
    )
