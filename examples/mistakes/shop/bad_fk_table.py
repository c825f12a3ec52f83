# mistakes/bad_fk_table: ForeignKey("custmer.id") names a table that does not exist, and
# no relationship uses that key: mapping succeeds, create_all() fails.
# 外部キーのテーブル名タイプミス (relationship なし) 🗄️
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)


class Invoice(Base):
    __tablename__ = "invoice"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("custmer.id"))
