import { test } from "node:test";
import assert from "node:assert/strict";
import { manifestMentionsSqlalchemy, pythonUsesSqlalchemy } from "../src/logic/sqlalchemyDetection";

test("Python that imports SQLAlchemy, Flask-SQLAlchemy or SQLModel counts", () => {
  assert.ok(pythonUsesSqlalchemy("from sqlalchemy.orm import relationship\n"));
  assert.ok(pythonUsesSqlalchemy("import os\nimport sqlalchemy as sa\n"));
  assert.ok(pythonUsesSqlalchemy("from flask_sqlalchemy import SQLAlchemy"));
  assert.ok(pythonUsesSqlalchemy("if TYPE_CHECKING:\n    from sqlmodel import Field\n"));
});

test("a mere mention in Python does not", () => {
  assert.equal(pythonUsesSqlalchemy("# we used sqlalchemy once\nimport os\n"), false);
  assert.equal(pythonUsesSqlalchemy("import sqlalchemy_utils_fake_name_without_boundary_x"), false);
});

test("dependency manifests that name it count", () => {
  assert.ok(manifestMentionsSqlalchemy('[project]\ndependencies = ["SQLAlchemy>=2.0"]'));
  assert.ok(manifestMentionsSqlalchemy("Flask-SQLAlchemy==3.1.1\n"));
  assert.ok(manifestMentionsSqlalchemy("sqlmodel\n"));
  assert.equal(manifestMentionsSqlalchemy("django==5.0\n"), false);
});
