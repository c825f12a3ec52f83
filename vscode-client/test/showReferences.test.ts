import { test } from "node:test";
import assert from "node:assert/strict";
import { toShowReferencesArgs, type ReferenceTypes } from "../src/logic/showReferences";

// Tagged stand-ins for vscode.Uri / Position / Range / Location, so the test sees which constructor built what.
const types: ReferenceTypes<string, string, string, string> = {
  uri: (text) => `Uri(${text})`,
  position: (line, character) => `${line}:${character}`,
  range: (start, end) => `${start}-${end}`,
  location: (uri, range) => `${uri}@${range}`,
};

// The arguments exactly as the server's code lens sends them (TextDocuments.codeLens in server/lsp).
const lensArgs = [
  "file:///ws/shop/parent.py",
  { line: 17, character: 6 },
  [
    { uri: "file:///ws/shop/child.py", range: { start: { line: 17, character: 26 }, end: { line: 17, character: 34 } } },
    { uri: "file:///ws/shop/association.py", range: { start: { line: 24, character: 20 }, end: { line: 24, character: 28 } } },
  ],
];

test("a code lens's [uri, position, locations] become editor.action.showReferences arguments", () => {
  assert.deepEqual(toShowReferencesArgs(lensArgs, types), {
    ok: true,
    uri: "Uri(file:///ws/shop/parent.py)",
    position: "17:6",
    locations: ["Uri(file:///ws/shop/child.py)@17:26-17:34", "Uri(file:///ws/shop/association.py)@24:20-24:28"],
  });
});

test("no references is still a valid call (the peek view says 'No references')", () => {
  const result = toShowReferencesArgs(["file:///a.py", { line: 0, character: 0 }, []], types);
  assert.deepEqual(result, { ok: true, uri: "Uri(file:///a.py)", position: "0:0", locations: [] });
});

test("malformed arguments are reported, not passed on", () => {
  const cases: [unknown[], RegExp][] = [
    [[], /first argument/],
    [[42, { line: 0, character: 0 }, []], /first argument/],
    [["file:///a.py", { line: -1, character: 0 }, []], /second argument/],
    [["file:///a.py", { line: 0.5, character: 0 }, []], /second argument/],
    [["file:///a.py", null, []], /second argument/],
    [["file:///a.py", { line: 0, character: 0 }, "x"], /third argument/],
    [["file:///a.py", { line: 0, character: 0 }, [{ uri: "file:///b.py" }]], /not a location/],
    [["file:///a.py", { line: 0, character: 0 }, [{ uri: "file:///b.py", range: { start: { line: 0, character: 0 } } }]], /not a location/],
  ];
  for (const [args, problem] of cases) {
    const result = toShowReferencesArgs(args, types);
    assert.equal(result.ok, false, JSON.stringify(args));
    assert.match((result as { problem: string }).problem, problem);
  }
});
