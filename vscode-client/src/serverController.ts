/**
 * Owns the language client: finds Java, checks the jar, starts and restarts
 * the server, and feeds the status bar. The only place that knows how the
 * server process is launched.
 */
import * as vscode from "vscode";
import { spawn } from "node:child_process";
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type CloseHandlerResult,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { findJava, nodeJavaEnvironment, noJavaMessage } from "./logic/java";
import {
  buildLaunchCommand,
  bundledJarPath,
  checkJar,
  OutputTail,
  startFailureMessage,
  type LaunchCommand,
  type ProcessExit,
} from "./logic/launch";
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
  /** Whether the current client ever got past `initialize`; a server that never did is not restarted. */
  private everRunning = false;
  private readonly stderrTail = new OutputTail(20);
  private lastExit: ProcessExit | undefined;

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

    const serverOptions: ServerOptions = () => this.spawnServer(launch);
    const client = new QuietLanguageClient("ormlens", "ORM Lens", serverOptions, this.clientOptions());
    this.client = client;
    this.everRunning = false;
    this.clientDisposables.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) {
          this.everRunning = true;
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
      // Give the process a moment to report its exit, so the message can say how it ended.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return this.cannotStart(startFailureMessage(this.lastExit, this.stderrTail.last(3), errorText(error)), false);
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
      // Pulled diagnostics (VS Code asks for them per document); the server pushes otherwise.
      initializationOptions: { ormlens: settings(), diagnosticMode: "pull" },
      // A failed initialize is reported once, by start(), with what the server said.
      initializationFailedHandler: () => false,
      outputChannel: this.output,
      revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult =>
          count !== undefined && count <= 3
            ? { action: ErrorAction.Continue, handled: true }
            : { action: ErrorAction.Shutdown, handled: true },
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

  /**
   * Starts the server process ourselves rather than through the library's
   * Executable, so that the command line is exactly ours (the library would
   * append `--stdio`) and so that stderr and the exit status can be quoted.
   */
  private async spawnServer(launch: LaunchCommand) {
    this.lastExit = undefined;
    const child = spawn(launch.command, [...launch.args], {
      cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      stdio: "pipe",
      windowsHide: true,
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      this.output.append(text);
      this.stderrTail.append(text);
    });
    child.on("exit", (code, signal) => {
      this.lastExit = { code, signal };
      this.log(`The server process ${child.pid} ended (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
    });
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", () => resolve());
      child.once("error", reject);
    });
    this.log(`The server process ${child.pid} started.`);
    return child;
  }

  private onServerClosed(): CloseHandlerResult {
    if (!this.everRunning) {
      // It never answered initialize: a broken jar or JVM will not mend by itself. start() reports it.
      return { action: CloseAction.DoNotRestart, handled: true };
    }
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
      // A machine-specific setting: in a remote window (code-server, SSH, WSL) it lives in the remote's settings.
      const command = vscode.env.remoteName ? "workbench.action.openRemoteSettings" : "workbench.action.openSettings";
      await vscode.commands.executeCommand(command, { query: "@id:ormlens.java.home" });
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

/**
 * The library pops up its own notifications when the connection fails
 * ("connection to server is erroring", "couldn't create connection"), several
 * per failure, and they bury the one message that says what is wrong. This
 * controller reports every start failure and crash itself, so the library's
 * messages go to the "ORM Lens" output only.
 */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | "force"): void {
    super.error(message, data, false);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
