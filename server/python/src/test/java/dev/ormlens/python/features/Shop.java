package dev.ormlens.python.features;

/** A multi-file workspace in the seed's shape, shared by the feature tests. */
final class Shop {
  static final String BASE =
      """
      #- shop/base.py
      from sqlalchemy.orm import DeclarativeBase

      class Base(DeclarativeBase):
          pass

      def resolve_child():
          from .child import Child
          return Child
      """;

  static final String ASSOCIATION =
      """
      #- shop/association.py
      from sqlalchemy import Column, ForeignKey, Table
      from .base import Base

      association_table = Table(
          "association_table",
          Base.metadata,
          Column("left_id", ForeignKey("left_table.id"), primary_key=True),
          Column("right_id", ForeignKey("right_table.id"), primary_key=True),
      )
      """;

  private Shop() {}
}
