/**
 * What "Fix All in Workspace" says when the server's `ormlens.fixWorkspace`
 * command returns: the number of files it sent edits for. Plain Node, no
 * `vscode`, so it is unit-tested.
 */
export function fixWorkspaceMessage(result: unknown): string {
  if (typeof result === "number" && Number.isInteger(result) && result >= 0) {
    if (result === 0) {
      return "ORM Lens: nothing to fix in the workspace.";
    }
    return `ORM Lens: fixed problems in ${result} ${result === 1 ? "file" : "files"}. Review the changes and save.`;
  }
  if (typeof result === "string" && result) {
    return `ORM Lens: ${result}`;
  }
  return "ORM Lens: the workspace fix finished.";
}
