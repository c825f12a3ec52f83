import { test } from "node:test";
import assert from "node:assert/strict";
import { StatusModel } from "../src/logic/status";

test("from start through indexing to the model count", () => {
  const status = new StatusModel();
  assert.equal(status.view().kind, "stopped");
  status.starting();
  assert.equal(status.view().text, "$(sync~spin) ORM Lens");
  status.running();
  assert.equal(status.view().text, "$(database) ORM Lens");
  status.progressBegin("1", "Indexing", "0/120 files", 0);
  assert.deepEqual(status.view(), {
    kind: "indexing",
    text: "$(sync~spin) ORM Lens: 0%",
    tooltip: "Indexing: 0/120 files",
    command: "ormlens.showOutput",
  });
  status.progressReport("1", "40/120 files", 33.3);
  assert.equal(status.view().text, "$(sync~spin) ORM Lens: 33%");
  assert.equal(status.view().tooltip, "Indexing: 40/120 files");
  status.progressEnd("1");
  status.serverStatus({ state: "ready", models: 42, files: 120, message: "" });
  const ready = status.view();
  assert.equal(ready.text, "$(database) ORM Lens: 42 models");
  assert.equal(ready.command, "ormlens.showErDiagram");
  assert.match(ready.tooltip, /42 mapped classes in 120 files/);
});

test("the ormlens/status notification alone drives the item", () => {
  const status = new StatusModel();
  status.starting();
  status.serverStatus({ state: "indexing", models: 0, files: 10, message: "" });
  assert.equal(status.view().text, "$(sync~spin) ORM Lens: indexing");
  status.serverStatus({ state: "ready", models: 1, files: 1, message: "" });
  assert.equal(status.view().text, "$(database) ORM Lens: 1 model");
  assert.match(status.view().tooltip, /1 mapped class in 1 file\./);
});

test("an error state opens the output channel when clicked", () => {
  const status = new StatusModel();
  status.serverStatus({ state: "error", models: 0, files: 0, message: "cannot read pyproject.toml" });
  assert.deepEqual(status.view(), {
    kind: "error",
    text: "$(error) ORM Lens",
    tooltip: "cannot read pyproject.toml. Click for its log.",
    command: "ormlens.showOutput",
  });
  status.failed("Java 17 not found");
  assert.equal(status.view().command, "ormlens.showOutput");
  // Errors are not hidden by progress reports.
  status.progressBegin("t", "Indexing");
  assert.equal(status.view().kind, "error");
});

test("a restart forgets progress that never ended", () => {
  const status = new StatusModel();
  status.progressBegin("t", "Indexing", undefined, 50);
  status.starting();
  assert.equal(status.view().kind, "starting");
});
