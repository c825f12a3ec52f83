/**
 * The two diagram webviews (entity-relationship and imports). Asks the server
 * for the graph, draws it with the plain renderers, and opens the source when
 * an entity or module is clicked.
 */
import * as vscode from "vscode";
import { randomBytes } from "node:crypto";
import { renderErDiagram, type GraphParams, type GraphResponse } from "./logic/erDiagram";
import { renderImportGraph, type ImportGraphResponse } from "./logic/importGraph";
import { diagramHtml, parseDiagramMessage } from "./logic/webviewHtml";
import type { ServerController } from "./serverController";

type Kind = "er" | "imports";

export class DiagramPanel implements vscode.Disposable {
  private static readonly open = new Map<Kind, DiagramPanel>();

  /** Shows (or refreshes) the diagram of this kind; `fileUri` is the editor it was asked from. */
  static async show(kind: Kind, server: ServerController, fileUri: string | undefined): Promise<void> {
    let panel = DiagramPanel.open.get(kind);
    if (panel) {
      panel.fileUri = fileUri ?? panel.fileUri;
      panel.panel.reveal(undefined, false);
    } else {
      panel = new DiagramPanel(kind, server, fileUri);
      DiagramPanel.open.set(kind, panel);
    }
    await panel.refresh();
  }

  static disposeAll(): void {
    for (const panel of DiagramPanel.open.values()) {
      panel.dispose();
    }
  }

  private readonly panel: vscode.WebviewPanel;
  private scope: "workspace" | "file" = "workspace";
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly kind: Kind,
    private readonly server: ServerController,
    private fileUri: string | undefined,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      kind === "er" ? "ormlens.erDiagram" : "ormlens.importGraph",
      kind === "er" ? "ORM Lens: Entities" : "ORM Lens: Imports",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw), undefined, this.disposables);
  }

  dispose(): void {
    if (DiagramPanel.open.get(this.kind) === this) {
      DiagramPanel.open.delete(this.kind);
      this.panel.dispose();
    }
    this.disposables.splice(0).forEach((d) => d.dispose());
  }

  private async refresh(): Promise<void> {
    const client = await this.server.ensureStarted(true);
    if (!client) {
      this.show("The ORM Lens server is not running.", "", undefined);
      return;
    }
    try {
      if (this.kind === "er") {
        const uri = this.scope === "file" && this.fileUri ? this.fileUri : null;
        const params: GraphParams = { uri };
        const graph = await client.sendRequest<GraphResponse>("ormlens/graph", params);
        const subtitle = uri ? `around ${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}` : "whole workspace";
        this.show(`${graph.entities.length} entities, ${graph.relationships.length} relationships`, subtitle, renderErDiagram(graph));
      } else {
        const graph = await client.sendRequest<ImportGraphResponse>("ormlens/importGraph", { uri: null });
        const cycles = graph.cycles.length;
        this.show(
          `${graph.modules.length} modules`,
          cycles === 0 ? "no import cycles" : `${cycles} import ${cycles === 1 ? "cycle" : "cycles"} (red)`,
          renderImportGraph(graph),
        );
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.show("The server could not draw the diagram.", message, undefined);
      void vscode.window.showErrorMessage(`ORM Lens: could not get the diagram from the server: ${message}`);
    }
  }

  private show(title: string, subtitle: string, svg: string | undefined): void {
    const nonce = randomBytes(16).toString("base64");
    this.panel.webview.html = diagramHtml({
      title,
      subtitle,
      svg: svg ?? "",
      nonce,
      cspSource: this.panel.webview.cspSource,
      scope: this.kind === "er" && this.fileUri ? this.scope : undefined,
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseDiagramMessage(raw);
    if (!message) {
      return;
    }
    switch (message.type) {
      case "refresh":
        await this.refresh();
        break;
      case "scope":
        this.scope = message.scope;
        await this.refresh();
        break;
      case "open": {
        const uri = vscode.Uri.parse(message.uri, true);
        if (uri.scheme !== "file" && uri.scheme !== "untitled") {
          return;
        }
        const position = new vscode.Position(message.line, message.character);
        await vscode.window.showTextDocument(uri, {
          selection: new vscode.Range(position, position),
          viewColumn: vscode.ViewColumn.One,
        });
        break;
      }
    }
  }
}
