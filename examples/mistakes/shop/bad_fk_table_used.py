# mistakes/bad_fk_table_used: ForeignKey("custmer.id") names a table that does not exist,
# and the Order <-> Customer relationship needs that key to find its join.
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(Base):
    __tablename__ = "order"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("custmer.id"))
    customer: Mapped["Customer"] = relationship(back_populates="orders")
