/**
 * The server's code lenses ("3 references") carry the command
 * `ormlens.showReferences` with LSP-shaped arguments: `[uri, position,
 * locations]`. VS Code's `editor.action.showReferences` wants its own types,
 * so this reads and checks the JSON and builds them through the given
 * constructors. Plain Node, no `vscode`, so it is unit-tested.
 */

/** How to make the editor's types; the extension passes `vscode.Uri.parse` and friends. */
export interface ReferenceTypes<U, P, R, L> {
  uri(text: string): U;
  position(line: number, character: number): P;
  range(start: P, end: P): R;
  location(uri: U, range: R): L;
}

export type ShowReferencesArgs<U, P, L> =
  | { readonly ok: true; readonly uri: U; readonly position: P; readonly locations: L[] }
  | { readonly ok: false; readonly problem: string };

/** Converts the lens's `[uri, position, locations]` into the editor's types, or says what is wrong. */
export function toShowReferencesArgs<U, P, R, L>(
  args: readonly unknown[],
  types: ReferenceTypes<U, P, R, L>,
): ShowReferencesArgs<U, P, L> {
  const [uri, position, locations] = args;
  if (typeof uri !== "string" || uri === "") {
    return { ok: false, problem: "the first argument is not a document URI" };
  }
  const at = lspPosition(position);
  if (!at) {
    return { ok: false, problem: "the second argument is not a position" };
  }
  if (!Array.isArray(locations)) {
    return { ok: false, problem: "the third argument is not a list of locations" };
  }
  const converted: L[] = [];
  for (const location of locations) {
    const l = lspLocation(location);
    if (!l) {
      return { ok: false, problem: "a reference is not a location" };
    }
    converted.push(
      types.location(
        types.uri(l.uri),
        types.range(types.position(l.start.line, l.start.character), types.position(l.end.line, l.end.character)),
      ),
    );
  }
  return { ok: true, uri: types.uri(uri), position: types.position(at.line, at.character), locations: converted };
}

interface LspPosition {
  readonly line: number;
  readonly character: number;
}

function lspPosition(value: unknown): LspPosition | undefined {
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const { line, character } = value as Record<string, unknown>;
  return isIndex(line) && isIndex(character) ? { line, character } : undefined;
}

function lspLocation(value: unknown): { uri: string; start: LspPosition; end: LspPosition } | undefined {
  if (typeof value !== "object" || value === null) {
    return undefined;
  }
  const { uri, range } = value as Record<string, unknown>;
  if (typeof uri !== "string" || typeof range !== "object" || range === null) {
    return undefined;
  }
  const start = lspPosition((range as Record<string, unknown>).start);
  const end = lspPosition((range as Record<string, unknown>).end);
  return start && end ? { uri, start, end } : undefined;
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
