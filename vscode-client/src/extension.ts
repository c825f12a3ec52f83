/**
 * Entry point: wires the output channel, the status bar item, the commands and
 * the server controller. Starts the server only in workspaces that use
 * SQLAlchemy (or when a command asks), so plain Python projects pay nothing.
 */
import * as vscode from "vscode";
import { ExecuteCommandRequest } from "vscode-languageclient/node";
import { DiagramPanel } from "./diagramPanel";
import { ServerController } from "./serverController";
import { fixWorkspaceMessage } from "./logic/fixWorkspaceMessage";
import { needsRestart } from "./logic/settings";
import { toShowReferencesArgs } from "./logic/showReferences";
import { StatusModel } from "./logic/status";
import { DEPENDENCY_MANIFESTS, manifestMentionsSqlalchemy, pythonUsesSqlalchemy } from "./logic/sqlalchemyDetection";

const FIX_ALL_KIND = "source.fixAll.ormlens";
const EXCLUDED = "{**/node_modules/**,**/.venv/**,**/venv/**,**/site-packages/**,**/.git/**}";

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("ORM Lens");
  const statusItem = vscode.window.createStatusBarItem("ormlens.status", vscode.StatusBarAlignment.Left, 10);
  statusItem.name = "ORM Lens";
  const status = new StatusModel();
  const renderStatus = () => {
    const view = status.view();
    statusItem.text = view.text;
    statusItem.tooltip = view.tooltip;
    statusItem.command = view.command;
    statusItem.backgroundColor =
      view.kind === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    if (view.kind === "stopped" && !server.isStarted) {
      statusItem.hide();
    } else {
      statusItem.show();
    }
  };
  const server = new ServerController(context, output, status, renderStatus);
  controller = server;
  context.subscriptions.push(output, statusItem, server, { dispose: () => DiagramPanel.disposeAll() });

  const lastPythonUri = () => {
    const editor = vscode.window.activeTextEditor;
    return editor && editor.document.languageId === "python" ? editor.document.uri.toString() : undefined;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand("ormlens.restartServer", () => server.restart()),
    vscode.commands.registerCommand("ormlens.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("ormlens.showErDiagram", () => DiagramPanel.show("er", server, lastPythonUri())),
    vscode.commands.registerCommand("ormlens.showImportGraph", () => DiagramPanel.show("imports", server, lastPythonUri())),
    vscode.commands.registerCommand("ormlens.fixAllInFile", () => fixAllInFile(server)),
    vscode.commands.registerCommand("ormlens.fixAllInWorkspace", () => fixAllInWorkspace(server)),
    vscode.commands.registerCommand("ormlens.showReferences", (...args: unknown[]) => showReferences(args, output)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("ormlens")) {
        return;
      }
      server.allowAutomaticStart();
      if (event.affectsConfiguration("ormlens.java.home") && needsRestart("ormlens.java.home")) {
        if (server.isStarted) {
          await server.restart();
        } else if (await workspaceUsesSqlalchemy()) {
          await server.ensureStarted();
        }
      }
    }),
  );

  if (await workspaceUsesSqlalchemy()) {
    void server.ensureStarted();
    return;
  }
  // Not obviously a SQLAlchemy project: wait for a Python file that says otherwise.
  const watcher = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId === "python" && pythonUsesSqlalchemy(document.getText())) {
      watcher.dispose();
      void server.ensureStarted();
    }
  });
  context.subscriptions.push(watcher);
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

/** Cheap: open documents, then dependency manifests, then a bounded sample of Python files. */
async function workspaceUsesSqlalchemy(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === "python" && pythonUsesSqlalchemy(d.getText()))) {
    return true;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    return false;
  }
  const manifests = await vscode.workspace.findFiles(`**/{${DEPENDENCY_MANIFESTS.join(",")}}`, EXCLUDED, 50);
  for (const uri of manifests) {
    if (manifestMentionsSqlalchemy(await readText(uri, 512 * 1024))) {
      return true;
    }
  }
  const sources = await vscode.workspace.findFiles("**/*.py", EXCLUDED, 400);
  for (const uri of sources) {
    if (pythonUsesSqlalchemy(await readText(uri, 64 * 1024))) {
      return true;
    }
  }
  return false;
}

async function readText(uri: vscode.Uri, limit: number): Promise<string> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return Buffer.from(bytes.subarray(0, limit)).toString("utf8");
  } catch {
    return "";
  }
}

async function fixAllInFile(server: ServerController): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "python") {
    void vscode.window.showInformationMessage("ORM Lens: open a Python file to fix.");
    return;
  }
  if (!(await server.ensureStarted(true))) {
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      document.uri,
      whole,
      FIX_ALL_KIND,
      10,
    )) ?? [];
  const fixAll = actions.filter((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append("ormlens").contains(a.kind));
  if (fixAll.length === 0) {
    void vscode.window.showInformationMessage("ORM Lens: nothing to fix in this file.");
    return;
  }
  for (const action of fixAll) {
    if (action.edit) {
      await vscode.workspace.applyEdit(action.edit);
    }
    if (action.command) {
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
  }
}

async function fixAllInWorkspace(server: ServerController): Promise<void> {
  const client = await server.ensureStarted(true);
  if (!client) {
    return;
  }
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "ORM Lens: fixing the workspace" },
      () => client.sendRequest(ExecuteCommandRequest.type, { command: "ormlens.fixWorkspace", arguments: [] }),
    );
    void vscode.window.showInformationMessage(fixWorkspaceMessage(result));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `ORM Lens: fixing the workspace failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The server's code lenses name this command; VS Code's peek view does the showing. */
async function showReferences(args: unknown[], output: vscode.OutputChannel): Promise<void> {
  const converted = toShowReferencesArgs(args, {
    uri: (text) => vscode.Uri.parse(text, true),
    position: (line, character) => new vscode.Position(line, character),
    range: (start, end) => new vscode.Range(start, end),
    location: (uri, range) => new vscode.Location(uri, range),
  });
  if (!converted.ok) {
    output.appendLine(`[client] ormlens.showReferences ignored: ${converted.problem}.`);
    return;
  }
  await vscode.commands.executeCommand("editor.action.showReferences", converted.uri, converted.position, converted.locations);
}
