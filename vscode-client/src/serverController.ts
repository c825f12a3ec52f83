/**
 * Owns the language client: finds Java, checks the jar, starts and restarts
 * the server, and feeds the status bar. The only place that knows how the
 * server process is launched.
 */
import * as vscode from "vscode";
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { findJava, nodeJavaEnvironment, noJavaMessage } from "./logic/java";
import { buildLaunchCommand, bundledJarPath, checkJar } from "./logic/launch";
import { RestartPolicy } from "./logic/restartPolicy";
import { sectionValue, toServerSettings, type ServerSettings } from "./logic/settings";
import type { OrmlensStatusParams, StatusModel } from "./logic/status";

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private readonly policy = new RestartPolicy(3, 3 * 60 * 1000);
  private readonly clientDisposables: vscode.Disposable[] = [];
  /** Set when starting failed; automatic starts then wait for a command or a settings change. */
  private startProblemShown = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly status: StatusModel,
    private readonly renderStatus: () => void,
  ) {}

  /**
   * The running client, starting the server first if needed; undefined when it
   * cannot run. The reason is shown once; after that, automatic starts (opening
   * a file) stay quiet and do nothing until a command (`interactive`) or a
   * settings change asks again.
   */
  async ensureStarted(interactive = false): Promise<LanguageClient | undefined> {
    if (this.client && this.client.state === State.Running) {
      return this.client;
    }
    if (this.startProblemShown && !interactive && !this.client) {
      return undefined;
    }
    if (!this.starting) {
      this.starting = this.start().finally(() => (this.starting = undefined));
    }
    return this.starting;
  }

  /** After a settings change that may fix a start problem. */
  allowAutomaticStart(): void {
    this.startProblemShown = false;
  }

  get isStarted(): boolean {
    return this.client !== undefined;
  }

  async restart(): Promise<void> {
    this.log("Restarting the server.");
    this.policy.reset();
    await this.stop();
    await this.ensureStarted(true);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.clientDisposables.splice(0).forEach((d) => d.dispose());
    if (client) {
      try {
        await client.stop(5000);
      } catch (error) {
        this.log(`Stopping the server: ${errorText(error)}`);
      }
      await client.dispose().catch(() => undefined);
    }
    this.status.stopped();
    this.renderStatus();
  }

  dispose(): void {
    void this.stop();
  }

  private async start(): Promise<LanguageClient | undefined> {
    this.status.starting();
    this.renderStatus();

    const jarPath = bundledJarPath(this.context.extensionPath);
    const jar = checkJar(jarPath);
    if (!jar.ok) {
      return this.cannotStart(jar.message, false);
    }
    const javaHome = vscode.workspace.getConfiguration("ormlens").get<string>("java.home");
    const java = await findJava(nodeJavaEnvironment(javaHome));
    if (!java.found) {
      return this.cannotStart(noJavaMessage(java), true);
    }
    this.log(`Using Java ${java.version.version} at ${java.javaPath} (from ${java.source}).`);
    const launch = buildLaunchCommand(java.javaPath, jarPath);
    this.log(`Starting: ${launch.command} ${launch.args.join(" ")}`);

    const executable = {
      command: launch.command,
      args: [...launch.args],
      transport: TransportKind.stdio,
      options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
    };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const client = new LanguageClient("ormlens", "ORM Lens", serverOptions, this.clientOptions());
    this.client = client;
    this.clientDisposables.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          this.status.running();
        } else if (event.newState === State.Starting) {
          this.status.starting();
        }
        this.renderStatus();
      }),
      client.onNotification("ormlens/status", (params: OrmlensStatusParams) => {
        this.status.serverStatus(params);
        this.renderStatus();
      }),
    );
    try {
      await client.start();
    } catch (error) {
      this.client = undefined;
      this.clientDisposables.splice(0).forEach((d) => d.dispose());
      await client.dispose().catch(() => undefined);
      return this.cannotStart(
        `ORM Lens: the server did not start (${errorText(error)}). Its log is in the "ORM Lens" output.`,
        false,
      );
    }
    this.trackProgress(client);
    return client;
  }

  private clientOptions(): LanguageClientOptions {
    const settings = () => this.settings();
    return {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
      ],
      synchronize: {
        configurationSection: "ormlens",
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.py,pyproject.toml}"),
      },
      initializationOptions: { ormlens: settings() },
      outputChannel: this.output,
      revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult =>
          count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
        closed: (): CloseHandlerResult => this.onServerClosed(),
      },
      middleware: {
        workspace: {
          // The server asks for section "ormlens"; it gets the mapped settings, not the raw VS Code object.
          configuration: async (params, token, next) => {
            const raw = await next(params, token);
            if (!Array.isArray(raw)) {
              return raw;
            }
            const mapped = settings();
            return params.items.map((item, i) => {
              const value = sectionValue(mapped, item.section);
              return value === undefined ? raw[i] : value;
            });
          },
          didChangeConfiguration: async () => {
            const client = this.client;
            if (client) {
              await client.sendNotification(DidChangeConfigurationNotification.type, {
                settings: { ormlens: settings() },
              });
            }
          },
        },
      },
    };
  }

  private settings(): ServerSettings {
    const configuration = vscode.workspace.getConfiguration("ormlens");
    const mapped = toServerSettings((key) => configuration.get(key));
    for (const problem of mapped.problems) {
      this.log(`Setting ignored: ${problem}`);
    }
    return mapped.settings;
  }

  private onServerClosed(): CloseHandlerResult {
    const decision = this.policy.onCrash(Date.now());
    if (decision.restart) {
      this.log(`The server stopped unexpectedly; restarting it (${decision.crashesInWindow} of ${this.policy.maxRestarts}).`);
      this.status.starting();
      this.renderStatus();
      return { action: CloseAction.Restart, handled: true };
    }
    const message = this.policy.givingUpMessage();
    this.log(message);
    this.status.failed("The server stopped unexpectedly several times");
    this.renderStatus();
    void this.showError(message, false);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /**
   * The library's own progress handler only paints a notification; this one
   * feeds the status bar item instead, which is where indexing belongs.
   */
  private trackProgress(client: LanguageClient): void {
    client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const key = String(token);
      const subscription = client.onProgress(WorkDoneProgress.type, token, (value) => {
        switch (value.kind) {
          case "begin":
            this.status.progressBegin(key, value.title, value.message, value.percentage);
            break;
          case "report":
            this.status.progressReport(key, value.message, value.percentage);
            break;
          case "end":
            this.status.progressEnd(key);
            subscription.dispose();
            break;
        }
        this.renderStatus();
      });
    });
  }

  private async cannotStart(message: string, offerJavaSetting: boolean): Promise<undefined> {
    this.startProblemShown = true;
    this.log(message);
    this.status.failed(message);
    this.renderStatus();
    await this.showError(message, offerJavaSetting);
    return undefined;
  }

  private async showError(message: string, offerJavaSetting: boolean): Promise<void> {
    const openSetting = "Open Setting";
    const showLog = "Show Log";
    const restart = "Restart Server";
    const buttons = offerJavaSetting ? [openSetting, showLog] : [showLog, restart];
    const choice = await vscode.window.showErrorMessage(message, ...buttons);
    if (choice === openSetting) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "ormlens.java.home");
    } else if (choice === showLog) {
      this.output.show(true);
    } else if (choice === restart) {
      await this.restart();
    }
  }

  private log(line: string): void {
    this.output.appendLine(`[client ${new Date().toISOString()}] ${line}`);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
