# naive_split: Child imports Association and Parent at module level (one edge of the cycle).
from .base import Base
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

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
