# naive_split: Parent imports Child and Association at module level for its annotations,
# and child.py / association.py import back: importing this module fails with a circular import.
# 親モデル: 型注釈のために他のモデルを実行時に import している 🔁
import sqlalchemy
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from .base import Base
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
