package dev.ormlens.python;

import static dev.ormlens.python.PythonChecks.CHECKS;

import org.junit.jupiter.api.Test;

/** SPEC "libraries": Flask-SQLAlchemy and SQLModel, with their default table names. */
class LibrariesTest {
  @Test
  void flaskSqlalchemyNamesTablesInSnakeCase() {
    CHECKS.checkDiagnostics(
        """
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()

        tags = db.Table(
            "tags",
            db.Column("tag_id", db.ForeignKey("tag.id"), primary_key=True),
            db.Column("page_id", db.ForeignKey("http_page.id"), primary_key=True),
        )

        class HTTPPage(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            tags = db.relationship("Tag", secondary=tags, back_populates="pages")
            owner_id = db.Column(db.ForeignKey("user_account2_fa.id"))

        class Tag(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            pages = db.relationship("HTTPPage", secondary="tags", back_populates="tags")

        class UserAccount2FA(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            page_id = db.Column(db.ForeignKey("httppage.id"))
        #                                     ^^^^^^^^^^^^^ error[ORM105]: no table named 'httppage'
        """);
  }

  @Test
  void flaskStringJumpsToSnakeCaseTable() {
    CHECKS.checkDefinition(
        """
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()

        class HTTPPage(db.Model):
        #     ^^^^^^^^
            id = db.Column(db.Integer, primary_key=True)

        class Link(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            page_id = db.Column(db.ForeignKey("http_pa$0ge.id"))
        """);
  }

  @Test
  void sqlmodelRelationshipLinkModelAndField() {
    CHECKS.checkDiagnostics(
        """
        from sqlmodel import Field, Relationship, SQLModel

        class HeroTeamLink(SQLModel, table=True):
            team_id: int | None = Field(default=None, foreign_key="team.id", primary_key=True)
            hero_id: int | None = Field(default=None, foreign_key="hero.id", primary_key=True)

        class Team(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            heroes: list["Hero"] = Relationship(back_populates="teams", link_model=HeroTeamLink)

        class Hero(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            teams: list["Team"] = Relationship(back_populates="heroes", link_model=HeroTeamLink)
            sidekick_id: int | None = Field(default=None, foreign_key="Hero.id")
        #                                                             ^^^^^^^^^ error[ORM105]: no table named 'Hero'
        """);
  }

  @Test
  void sqlmodelBackPopulatesTypoIsReported() {
    CHECKS.checkDiagnostics(
        """
        from sqlmodel import Field, Relationship, SQLModel

        class Team(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            heroes: list["Hero"] = Relationship(back_populates="teem")
        #                                                      ^^^^^^ error[ORM103]: 'Hero' has no relationship 'teem'

        class Hero(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            team_id: int | None = Field(default=None, foreign_key="team.id")
            team: Team | None = Relationship(back_populates="heroes")
        """);
  }

  @Test
  void sqlmodelLinkModelJumpsToClass() {
    CHECKS.checkDefinition(
        """
        from sqlmodel import Field, Relationship, SQLModel

        class Link(SQLModel, table=True):
        #     ^^^^
            team_id: int | None = Field(default=None, foreign_key="team.id", primary_key=True)
            hero_id: int | None = Field(default=None, foreign_key="hero.id", primary_key=True)

        class Team(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
            heroes: list["Hero"] = Relationship(link_model=Li$0nk)

        class Hero(SQLModel, table=True):
            id: int | None = Field(default=None, primary_key=True)
        """);
  }
}
