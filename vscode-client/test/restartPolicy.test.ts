import { test } from "node:test";
import assert from "node:assert/strict";
import { RestartPolicy } from "../src/logic/restartPolicy";

const MINUTE = 60_000;

test("three crashes in three minutes are restarted; the fourth is not", () => {
  const policy = new RestartPolicy(3, 3 * MINUTE);
  assert.deepEqual(policy.onCrash(0), { restart: true, crashesInWindow: 1 });
  assert.deepEqual(policy.onCrash(10_000), { restart: true, crashesInWindow: 2 });
  assert.deepEqual(policy.onCrash(20_000), { restart: true, crashesInWindow: 3 });
  assert.deepEqual(policy.onCrash(30_000), { restart: false, crashesInWindow: 4 });
});

test("crashes older than the window are forgotten", () => {
  const policy = new RestartPolicy(3, 3 * MINUTE);
  policy.onCrash(0);
  policy.onCrash(MINUTE);
  policy.onCrash(2 * MINUTE);
  // The first crash is now more than three minutes old.
  assert.deepEqual(policy.onCrash(3 * MINUTE + 1), { restart: true, crashesInWindow: 3 });
  assert.equal(policy.onCrash(3 * MINUTE + 2).restart, false);
});

test("a deliberate restart starts the count afresh", () => {
  const policy = new RestartPolicy(3, 3 * MINUTE);
  for (let i = 0; i < 4; i++) {
    policy.onCrash(i);
  }
  policy.reset();
  assert.deepEqual(policy.onCrash(10), { restart: true, crashesInWindow: 1 });
});

test("the giving-up message says what happened and what to do", () => {
  const message = new RestartPolicy(3, 3 * MINUTE).givingUpMessage();
  assert.match(message, /4 times in 3 minutes/);
  assert.match(message, /"ORM Lens" output/);
  assert.match(message, /Restart Server/);
});
