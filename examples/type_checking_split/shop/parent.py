# type_checking_split: the cycle is gone (imports only under TYPE_CHECKING), but the string
# targets "Child" and "association_table" name modules nobody imports at run time, so
# importing only shop.parent fails in configure_mappers().
# 型チェック時だけ import する (実行時には Child も Association も読み込まれない) 🤔
from typing import TYPE_CHECKING

from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from .base import Base

if TYPE_CHECKING:  # 型チェック時だけimportする
    from .child import Child
    from .association import Association


class Parent(Base):
    __tablename__ = "left_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(
        secondary="association_table", back_populates="parents"
    )
    child_associations: Mapped[list["Association"]] = relationship(
        back_populates="parent"
    )
