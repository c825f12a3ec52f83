from typing import List

from sqlalchemy import Column, ForeignKey, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.base import Base

association_table = Table(
    "association_table",
    Base.metadata,
    Column("child_id", ForeignKey("right_table.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Child(Base):
    __tablename__ = "right_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("left_table.id"))
    parent: Mapped["Parent"] = relationship("Parent", back_populates="children")
    tags: Mapped[List["Tag"]] = relationship("Tag", secondary="association_table")
