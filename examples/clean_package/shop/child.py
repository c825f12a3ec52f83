# clean_package: Child, the mirror image of Parent (viewonly many-to-many).
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from .base import Base

if TYPE_CHECKING:
    from .association import Association
    from .parent import Parent


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parents: Mapped[list["Parent"]] = relationship(
        secondary="association_table", back_populates="children", viewonly=True
    )
    parent_associations: Mapped[list["Association"]] = relationship(
        back_populates="child"
    )
