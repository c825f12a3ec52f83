/**
 * What the status bar item says. Fed by the server's work-done progress
 * ($/progress) and its `ormlens/status` notification; rendered by the
 * extension. Plain data, no `vscode`.
 */

/** Params of the server's `ormlens/status` notification. */
export interface OrmlensStatusParams {
  readonly state: "indexing" | "ready" | "error";
  readonly models?: number;
  readonly files?: number;
  readonly message?: string;
}

export type StatusKind = "starting" | "indexing" | "ready" | "error" | "stopped";

export interface StatusView {
  readonly kind: StatusKind;
  /** Status bar text, with VS Code `$(icon)` syntax. */
  readonly text: string;
  readonly tooltip: string;
  /** The command a click runs. */
  readonly command: string;
}

interface Progress {
  title: string;
  message?: string;
  percentage?: number;
}

export class StatusModel {
  private kind: StatusKind = "stopped";
  private models: number | undefined;
  private files: number | undefined;
  private message: string | undefined;
  private readonly progress = new Map<string, Progress>();

  starting(): void {
    this.kind = "starting";
    this.message = undefined;
    this.progress.clear();
  }

  /** The server answered `initialize`; until it says more, it is taken as ready. */
  running(): void {
    if (this.kind === "starting" || this.kind === "stopped") {
      this.kind = "ready";
    }
  }

  stopped(): void {
    this.kind = "stopped";
    this.progress.clear();
  }

  failed(message: string): void {
    this.kind = "error";
    this.message = message;
    this.progress.clear();
  }

  /** The server's `ormlens/status` notification. */
  serverStatus(params: OrmlensStatusParams): void {
    if (typeof params.models === "number") {
      this.models = params.models;
    }
    if (typeof params.files === "number") {
      this.files = params.files;
    }
    this.message = params.message;
    switch (params.state) {
      case "indexing":
      case "ready":
      case "error":
        this.kind = params.state;
        break;
    }
  }

  progressBegin(token: string, title: string, message?: string, percentage?: number): void {
    this.progress.set(token, { title, message, percentage });
  }

  progressReport(token: string, message?: string, percentage?: number): void {
    const current = this.progress.get(token);
    if (current) {
      current.message = message ?? current.message;
      current.percentage = percentage ?? current.percentage;
    }
  }

  progressEnd(token: string): void {
    this.progress.delete(token);
  }

  view(): StatusView {
    const running = [...this.progress.values()];
    if (running.length > 0 && this.kind !== "error") {
      const latest = running[running.length - 1];
      const percentage = latest.percentage !== undefined ? ` ${Math.round(latest.percentage)}%` : "";
      const detail = [latest.title, latest.message].filter(Boolean).join(": ");
      return {
        kind: "indexing",
        text: `$(sync~spin) ORM Lens:${percentage || " indexing"}`,
        tooltip: detail || "ORM Lens is indexing the workspace",
        command: "ormlens.showOutput",
      };
    }
    switch (this.kind) {
      case "starting":
        return {
          kind: "starting",
          text: "$(sync~spin) ORM Lens",
          tooltip: "ORM Lens: starting the server",
          command: "ormlens.showOutput",
        };
      case "indexing": {
        const files = this.files !== undefined ? ` (${this.files} files)` : "";
        return {
          kind: "indexing",
          text: "$(sync~spin) ORM Lens: indexing",
          tooltip: this.message || `ORM Lens is indexing the workspace${files}`,
          command: "ormlens.showOutput",
        };
      }
      case "ready": {
        if (this.models === undefined) {
          return {
            kind: "ready",
            text: "$(database) ORM Lens",
            tooltip: `${this.message ? this.message + "\n" : ""}ORM Lens is running. Click for the entity-relationship diagram.`,
            command: "ormlens.showErDiagram",
          };
        }
        const models = this.models;
        const files = this.files !== undefined ? ` in ${this.files} ${plural(this.files, "file")}` : "";
        return {
          kind: "ready",
          text: `$(database) ORM Lens: ${models} ${plural(models, "model")}`,
          tooltip: `${this.message ? this.message + "\n" : ""}${models} mapped ${plural(models, "class", "classes")}${files}. Click for the entity-relationship diagram.`,
          command: "ormlens.showErDiagram",
        };
      }
      case "error":
        return {
          kind: "error",
          text: "$(error) ORM Lens",
          tooltip: `${this.message || "The ORM Lens server has a problem"}. Click for its log.`,
          command: "ormlens.showOutput",
        };
      case "stopped":
        return {
          kind: "stopped",
          text: "$(circle-slash) ORM Lens",
          tooltip: "The ORM Lens server is not running. Click for its log.",
          command: "ormlens.showOutput",
        };
    }
  }
}

function plural(n: number, one: string, many = one + "s"): string {
  return n === 1 ? one : many;
}
