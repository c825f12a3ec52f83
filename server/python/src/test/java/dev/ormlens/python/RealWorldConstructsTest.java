package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/**
 * Constructs the real-world corpus ({@code bench/realworld}) taught, each reduced to a fixture that
 * real SQLAlchemy configures cleanly (the testkit runs it): ORM Lens must stay silent on them. The
 * project each comes from is named; none of the fixtures is its code.
 */
class RealWorldConstructsTest {
  @Test
  void subclassTableWithExtendExistingIsNotADuplicate() {
    // celery: TaskExtended(Task) redeclares __tablename__ with extend_existing=True.
    CHECKS.checkDiagnostics(
        """
        import sqlalchemy as sa
        from sqlalchemy.orm import declarative_base

        Base = declarative_base()

        class Task(Base):
            __tablename__ = "taskmeta"
            __table_args__ = {"sqlite_autoincrement": True}
            id = sa.Column(sa.Integer, primary_key=True)

        class TaskExtended(Task):
            __tablename__ = "taskmeta"
            __table_args__ = {"sqlite_autoincrement": True, "extend_existing": True}
            name = sa.Column(sa.String(155), nullable=True)
        """);
  }

  @Test
  void typeHintsOnImperativelyMappedClassesAreNotAttributes() {
    // ckan: the class annotates the attribute a backref will create; map_imperatively ignores it.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import Mapped, backref, registry, relationship

        reg = registry()
        package = Table("package", reg.metadata, Column("id", Integer, primary_key=True))
        resource = Table(
            "resource",
            reg.metadata,
            Column("id", Integer, primary_key=True),
            Column("package_id", ForeignKey("package.id")),
        )

        class Package:
            resources: Mapped[list["Resource"]]

        class Resource:
            package: Mapped[Package]

        reg.map_imperatively(Package, package)
        reg.map_imperatively(
            Resource,
            resource,
            properties={"package": relationship(Package, backref=backref("resources"))},
        )
        """);
  }

  @Test
  void relationshipsJoinedByPrimaryjoinExpressionsDoNotOverlap() {
    // fittrackee: three relationships to User, each on its own column by a primaryjoin expression.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        class User(Base):
            __tablename__ = "users"
            id: Mapped[int] = mapped_column(primary_key=True)

        class Report(Base):
            __tablename__ = "reports"
            id: Mapped[int] = mapped_column(primary_key=True)
            reported_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
            resolved_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
            reporter: Mapped["User"] = relationship("User", primaryjoin=reported_by == User.id)
            resolver: Mapped["User"] = relationship("User", primaryjoin=resolved_by == User.id)
            # 報告者と解決者は別の列 🧾
            creator: Mapped["User"] = relationship(foreign_keys=[reported_by], viewonly=True)
        """);
  }

  @Test
  void foreignKeysFromAHelperAreUnknownNotMissing() {
    // zenml: a helper builds each foreign key column of the link table.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer
        from sqlalchemy.orm import DeclarativeBase, relationship

        class Base(DeclarativeBase):
            pass

        def foreign_key_column(target):
            return Column(Integer, ForeignKey(target + ".id"), primary_key=True)

        class Composition(Base):
            __tablename__ = "composition"
            stack_id = foreign_key_column("stack")
            component_id = foreign_key_column("component")

        class Stack(Base):
            __tablename__ = "stack"
            id = Column(Integer, primary_key=True)
            components = relationship("Component", secondary="composition")

        class Component(Base):
            __tablename__ = "component"
            id = Column(Integer, primary_key=True)
        """);
  }

  @Test
  void declarativeAndImperativeClassesShareARegistry() {
    // galaxy: the base names an existing registry; Cls.table = Table(...) maps imperatively in it.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table
        from sqlalchemy.orm import DeclarativeBase, registry, relationship

        mapper_registry = registry()

        class Base(DeclarativeBase):
            __abstract__ = True
            metadata = MetaData()
            mapper_registry.metadata = metadata
            registry = mapper_registry

        class History(Base):
            __tablename__ = "history"
            id = Column(Integer, primary_key=True)
            datasets = relationship("HistoryDataset", back_populates="history")

        class HistoryDataset:
            pass

        HistoryDataset.table = Table(
            "history_dataset",
            mapper_registry.metadata,
            Column("id", Integer, primary_key=True),
            Column("history_id", Integer, ForeignKey("history.id")),
        )

        mapper_registry.map_imperatively(
            HistoryDataset,
            HistoryDataset.table,
            properties=dict(history=relationship(History, back_populates="datasets")),
        )
        """);
  }

  @Test
  void declaredAttrTableArgsWithASchemaHelper() {
    // indico: __table_args__ computed by a helper that takes the schema; same table names in two
    // schemas, and an association table statement that is not assigned.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer, Table
        from sqlalchemy.orm import DeclarativeBase, declared_attr, relationship

        class Base(DeclarativeBase):
            pass

        def table_args(cls, **kwargs):
            return dict(kwargs)

        class Category(Base):
            __tablename__ = "categories"
            __table_args__ = {"schema": "categories"}
            id = Column(Integer, primary_key=True)
            favorites = relationship("Event", secondary="events.favorites")

        class CategoryPrincipal(Base):
            __tablename__ = "principals"

            @declared_attr
            def __table_args__(cls):
                return table_args(cls, schema="categories")

            id = Column(Integer, primary_key=True)

        class EventPrincipal(Base):
            __tablename__ = "principals"

            @declared_attr
            def __table_args__(cls):
                return table_args(cls, schema="events")

            id = Column(Integer, primary_key=True)

        class Event(Base):
            __tablename__ = "events"
            __table_args__ = {"schema": "events"}
            id = Column(Integer, primary_key=True)

        Table(
            "favorites",
            Base.metadata,
            Column("category_id", ForeignKey("categories.categories.id"), primary_key=True),
            Column("event_id", ForeignKey("events.events.id"), primary_key=True),
            schema="events",
        )
        """);
  }

  @Test
  void relationshipKeywordsFromADictAreNotMissing() {
    // A shared dict of keyword arguments may carry back_populates: no one-sided finding.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import ForeignKey
        from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

        class Base(DeclarativeBase):
            pass

        common = {"back_populates": "members", "lazy": "selectin"}

        class Group(Base):
            __tablename__ = "groups"
            id: Mapped[int] = mapped_column(primary_key=True)
            members: Mapped[list["Member"]] = relationship(back_populates="group")

        class Member(Base):
            __tablename__ = "members"
            id: Mapped[int] = mapped_column(primary_key=True)
            group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
            group: Mapped[Group] = relationship(Group, **common)
        """);
  }

  @Test
  void alembicRevisionTablesAreNotModels() {
    // superset, privacyidea: a migration declares the tables as they were at its revision.
    CHECKS.checkDiagnostics(
        """
        #! entry: app.models
        #- app/__init__.py
        #- app/models.py
        from sqlalchemy import Column, Integer
        from sqlalchemy.orm import DeclarativeBase

        class Base(DeclarativeBase):
            pass

        class Dashboard(Base):
            __tablename__ = "dashboards"
            id = Column(Integer, primary_key=True)
        #- migrations/versions/0042_slices.py
        revision = "0042"
        down_revision = "0041"

        from alembic import op
        import sqlalchemy as sa
        from sqlalchemy.orm import declarative_base

        Base = declarative_base()

        class DashboardSlices(Base):
            __tablename__ = "dashboard_slices"
            id = sa.Column(sa.Integer, primary_key=True)
            slice_id = sa.Column(sa.Integer, sa.ForeignKey("slices.id"))
        """);
  }

  @Test
  void aSubclassOfFlaskSqlalchemyStillMakesModels() {
    // indico, flask-appbuilder: db is an instance of the project's own SQLAlchemy subclass, so its
    // classes are models and their strings are checked (the typo below fails configuration).
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        #- app/db.py
        from flask_sqlalchemy import SQLAlchemy

        class AppSQLAlchemy(SQLAlchemy):
            pass

        db = AppSQLAlchemy()
        #- app/models.py
        from app.db import db

        class Event(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            notes = db.relationship("EventNote", back_populates="event")

        class EventNote(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            event_id = db.Column(db.ForeignKey("event.id"))
            event = db.relationship("Evnt", back_populates="notes")
        #                           ^^^^^^ error[ORM101]: no mapped class named 'Evnt'
        """);
  }

  @Test
  void aLookalikeNameThatIsNotFlaskSqlalchemyMakesNoModels() {
    // Only a real subclass counts: a class merely named like one maps nothing, so ORM Lens
    // claims nothing about what inherits from its attributes.
    CHECKS.checkDiagnostics(
        """
        class FakeSQLAlchemy:
            class Model:
                pass

        db = FakeSQLAlchemy()

        class Event(db.Model):
            notes = "EventNote"
        """);
  }

  @Test
  void aPackageThatRebindsASubmoduleNameExportsTheObject() {
    // privacyidea: models/__init__.py says `from .db import db`, so `from app.models import db` is
    // the extension object, not the submodule, and its db.Model classes are models.
    CHECKS.checkDiagnostics(
        """
        #! entry: app.models
        #- app/__init__.py
        #- app/models/__init__.py
        from .db import db
        from .token import Token
        #- app/models/db.py
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()
        #- app/models/token.py
        from app.models import db

        class Token(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            owners = db.relationship("TokenOwnr")
        #                            ^^^^^^^^^^^ error[ORM101]: no mapped class named 'TokenOwnr'
        """);
  }

  @Test
  void aTargetNamedByAClassBodyVariableIsTheClasss() {
    // superset: `owner_class = security_manager.user_model` in the class body, then
    // relationship(owner_class, ...): a name of the class body, not an undefined module name.
    CHECKS.checkDiagnostics(
        """
        from sqlalchemy import Column, ForeignKey, Integer
        from sqlalchemy.orm import DeclarativeBase, relationship

        class Base(DeclarativeBase):
            pass

        class User(Base):
            __tablename__ = "ab_user"
            id = Column(Integer, primary_key=True)

        class Manager:
            user_model = User

        manager = Manager()

        class Table(Base):
            __tablename__ = "tables"
            owner_class = manager.user_model
            id = Column(Integer, primary_key=True)
            owner_id = Column(ForeignKey("ab_user.id"))
            owner = relationship(owner_class)
        """);
  }

  @Test
  void aBaseReExportedByAStarImportIsSeenSoATyposTargetIsFound() {
    // keystone: common/sql/__init__.py is `from keystone.common.sql.core import *`, and every
    // model subclasses sql.ModelBase; a star import must not hide the base (or the models).
    CHECKS.checkDiagnostics(
        """
        #- app/__init__.py
        #- app/sql/__init__.py
        from app.sql.core import *  # noqa
        #- app/sql/core.py
        from sqlalchemy import Column, ForeignKey, Integer, String
        from sqlalchemy.orm import declarative_base, relationship

        ModelBase = declarative_base()
        #- app/projects.py
        from app import sql

        class Project(sql.ModelBase):
            __tablename__ = "project"
            id = sql.Column(sql.Integer, primary_key=True)
            # プロジェクト 😀
            domain_id = sql.Column(sql.Integer, sql.ForeignKey("domain.id"))
            domain = sql.relationship("Domian")
        #                             ^^^^^^^^ error[ORM101]: no mapped class named 'Domian'

        class Domain(sql.ModelBase):
            __tablename__ = "domain"
            id = sql.Column(sql.Integer, primary_key=True)
            name = sql.Column(sql.String(64))
        """);
  }
}
