import { test } from "node:test";
import assert from "node:assert/strict";
import { fixWorkspaceMessage } from "../src/logic/fixWorkspaceMessage";

test("the server's file count becomes the message", () => {
  assert.equal(fixWorkspaceMessage(0), "ORM Lens: nothing to fix in the workspace.");
  assert.equal(fixWorkspaceMessage(1), "ORM Lens: fixed problems in 1 file. Review the changes and save.");
  assert.equal(fixWorkspaceMessage(3), "ORM Lens: fixed problems in 3 files. Review the changes and save.");
});

test("anything else still ends with a message, never silence", () => {
  assert.equal(fixWorkspaceMessage("2 edits"), "ORM Lens: 2 edits");
  assert.equal(fixWorkspaceMessage(null), "ORM Lens: the workspace fix finished.");
  assert.equal(fixWorkspaceMessage(-1), "ORM Lens: the workspace fix finished.");
});
