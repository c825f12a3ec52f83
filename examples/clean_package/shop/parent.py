# clean_package: Parent done right: TYPE_CHECKING imports for annotations, string targets
# resolved at configure time (every module is imported by shop/__init__.py), and the
# many-to-many through association_table marked viewonly=True because the Association
# class writes those rows.
# 親モデル: 書き込みは Association 経由、children は読み取り専用 ✅
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from .base import Base

if TYPE_CHECKING:
    from .association import Association
    from .child import Child


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(
        secondary="association_table", back_populates="parents", viewonly=True
    )
    child_associations: Mapped[list["Association"]] = relationship(
        back_populates="parent"
    )
