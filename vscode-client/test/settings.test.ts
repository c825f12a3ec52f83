import { test } from "node:test";
import assert from "node:assert/strict";
import { needsRestart, sectionValue, toServerSettings } from "../src/logic/settings";

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

test("defaults map to an empty, complete section", () => {
  assert.deepEqual(toServerSettings(reader({})), {
    settings: {
      diagnostics: { disabled: [], severity: {} },
      resolverModule: null,
      entryModules: [],
      include: [],
      exclude: [],
    },
    problems: [],
  });
});

test("VS Code's defaults (empty strings, arrays and objects) map the same way", () => {
  const mapped = toServerSettings(
    reader({
      "diagnostics.disabled": [],
      "diagnostics.severity": {},
      resolverModule: "",
      entryModules: [],
      include: [],
      exclude: [],
      "java.home": "/opt/jdk",
      "trace.server": "verbose",
    }),
  );
  assert.equal(mapped.settings.resolverModule, null);
  assert.deepEqual(mapped.problems, []);
  // Client-only settings are not sent to the server.
  assert.equal(JSON.stringify(mapped.settings).includes("java"), false);
  assert.equal(JSON.stringify(mapped.settings).includes("trace"), false);
});

test("values are normalised: codes upper-cased, duplicates and blanks dropped", () => {
  const mapped = toServerSettings(
    reader({
      "diagnostics.disabled": ["orm301", "ORM301", " ORM202 "],
      "diagnostics.severity": { orm104: "Error", ORM201: "hint" },
      resolverModule: " shop.db ",
      entryModules: ["app.main", "app.main", "app.cli"],
      include: ["src/**/*.py"],
      exclude: ["**/migrations/**", ""],
    }),
  );
  assert.deepEqual(mapped.settings, {
    diagnostics: { disabled: ["ORM301", "ORM202"], severity: { ORM104: "error", ORM201: "hint" } },
    resolverModule: "shop.db",
    entryModules: ["app.main", "app.cli"],
    include: ["src/**/*.py"],
    exclude: ["**/migrations/**"],
  });
  assert.deepEqual(mapped.problems, ['ormlens.exclude: ignored "", not a non-empty string']);
});

test("malformed values are dropped and reported, never sent", () => {
  const mapped = toServerSettings(
    reader({
      "diagnostics.disabled": ["ORM301", "E501", 7],
      "diagnostics.severity": { ORM101: "fatal", flake8: "error", ORM102: "warning" },
      resolverModule: 42,
      entryModules: "app.main",
      include: null,
    }),
  );
  assert.deepEqual(mapped.settings.diagnostics, { disabled: ["ORM301"], severity: { ORM102: "warning" } });
  assert.equal(mapped.settings.resolverModule, null);
  assert.deepEqual(mapped.settings.entryModules, []);
  assert.deepEqual(mapped.problems, [
    "ormlens.diagnostics.disabled: ignored 7, not a non-empty string",
    'ormlens.diagnostics.disabled: ignored "E501", not a diagnostic code like ORM301',
    'ormlens.diagnostics.severity: ORM101 is "fatal"; use one of error, warning, information, hint',
    'ormlens.diagnostics.severity: "flake8" is not a diagnostic code like ORM101',
    "ormlens.resolverModule must be a string",
    "ormlens.entryModules must be an array of strings",
  ]);
});

test("workspace/configuration sections resolve to the whole object or a part of it", () => {
  const { settings } = toServerSettings(reader({ "diagnostics.disabled": ["ORM301"], resolverModule: "shop.db" }));
  assert.equal(sectionValue(settings, "ormlens"), settings);
  assert.deepEqual(sectionValue(settings, "ormlens.diagnostics.disabled"), ["ORM301"]);
  assert.equal(sectionValue(settings, "ormlens.resolverModule"), "shop.db");
  assert.equal(sectionValue(settings, "ormlens.nothing"), null);
  assert.equal(sectionValue(settings, "python"), undefined);
  assert.equal(sectionValue(settings, undefined), undefined);
});

test("only the Java setting needs a new server process", () => {
  assert.equal(needsRestart("ormlens.java.home"), true);
  assert.equal(needsRestart("ormlens.diagnostics.disabled"), false);
  assert.equal(needsRestart("ormlens.trace.server"), false);
});
