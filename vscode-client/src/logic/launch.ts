/**
 * The server's command line and the checks on the bundled jar. No `vscode`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface LaunchCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** JVM flags: the serial collector keeps a small editor-side process lean; tree-sitter walks need a deeper stack. */
export const JVM_FLAGS: readonly string[] = ["-XX:+UseSerialGC", "-Xss4m"];

/** `<java> -XX:+UseSerialGC -Xss4m -jar <jar> lsp`, talking LSP over stdio. */
export function buildLaunchCommand(javaPath: string, jarPath: string): LaunchCommand {
  if (!path.isAbsolute(javaPath)) {
    throw new Error(`java must be given by absolute path, got "${javaPath}"`);
  }
  if (!path.isAbsolute(jarPath)) {
    throw new Error(`the server jar must be given by absolute path, got "${jarPath}"`);
  }
  return { command: javaPath, args: [...JVM_FLAGS, "-jar", jarPath, "lsp"] };
}

/** Where the server jar sits inside the installed extension. */
export function bundledJarPath(extensionPath: string): string {
  return path.join(extensionPath, "server", "ormlens.jar");
}

export type JarCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Judges the first bytes of a jar (a zip file); `undefined` means the file is missing. */
export function checkJarHeader(jarPath: string, header: Uint8Array | undefined): JarCheck {
  if (header === undefined) {
    return {
      ok: false,
      message: `ORM Lens cannot start: its server is missing (${jarPath}). Reinstall the extension.`,
    };
  }
  if (header.length < ZIP_MAGIC.length || ZIP_MAGIC.some((byte, i) => header[i] !== byte)) {
    return {
      ok: false,
      message: `ORM Lens cannot start: its server ${jarPath} is damaged (not a jar file). Reinstall the extension.`,
    };
  }
  return { ok: true };
}

/** Reads the jar's first bytes from disk and judges them. */
export function checkJar(jarPath: string): JarCheck {
  let header: Uint8Array | undefined;
  try {
    const fd = fs.openSync(jarPath, "r");
    try {
      const buffer = Buffer.alloc(4);
      const read = fs.readSync(fd, buffer, 0, 4, 0);
      header = buffer.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    header = undefined;
  }
  return checkJarHeader(jarPath, header);
}

/** Keeps the last lines a server process wrote to stderr, to quote when it dies. */
export class OutputTail {
  private lines: string[] = [];
  private partial = "";

  constructor(private readonly maxLines = 20) {}

  append(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts.filter((l) => l.trim() !== ""));
    if (this.lines.length > this.maxLines) {
      this.lines = this.lines.slice(-this.maxLines);
    }
  }

  last(count: number): string[] {
    const all = this.partial.trim() ? [...this.lines, this.partial] : this.lines;
    return all.slice(-count);
  }
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** The message for a server that never answered `initialize`, quoting what it said last. */
export function startFailureMessage(exit: ProcessExit | undefined, lastLines: readonly string[], fallback: string): string {
  const how =
    exit === undefined
      ? fallback
      : exit.signal
        ? `it was stopped by signal ${exit.signal}`
        : `it exited with code ${exit.code}`;
  const said = lastLines.length > 0 ? ` Its last words: "${lastLines.join(" / ")}".` : "";
  return `ORM Lens: the server did not start: ${how}.${said} The full log is in the "ORM Lens" output.`;
}
