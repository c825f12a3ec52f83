/**
 * Finding a Java 17+ runtime for the server: where to look, in which order,
 * and how to read `java -version`. Plain Node, no `vscode`, so it is unit-tested.
 */
import * as path from "node:path";
import * as fs from "node:fs";
import { execFile } from "node:child_process";

export const MINIMUM_JAVA_MAJOR = 17;

/** Where a candidate `java` executable came from, in search order. */
export type JavaSource = "setting" | "JAVA_HOME" | "PATH";

export interface JavaCandidate {
  readonly source: JavaSource;
  /** Absolute path of the `java` executable. */
  readonly javaPath: string;
}

export interface JavaVersion {
  /** The quoted version string, e.g. "17.0.15" or "1.8.0_292". */
  readonly version: string;
  readonly major: number;
}

export type JavaLookup =
  | { readonly found: true; readonly javaPath: string; readonly version: JavaVersion; readonly source: JavaSource }
  | {
      readonly found: false;
      /** One line per place looked at, saying why it did not do. */
      readonly problems: readonly string[];
      /** True when `ormlens.java.home` is set but unusable: the fix is to change it. */
      readonly settingIsWrong: boolean;
    };

/** What the lookup needs from the machine; tests pass fakes. */
export interface JavaEnvironment {
  readonly settingHome: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  isExecutableFile(p: string): boolean;
  /** Runs `<javaPath> -version` and returns its combined output, or throws. */
  runVersion(javaPath: string): Promise<string>;
}

/**
 * Reads the version from `java -version` output (which Java prints on stderr).
 * Handles `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_292"`,
 * `openjdk version "21" ...`, `"22-ea"` and `Picked up JAVA_TOOL_OPTIONS` noise.
 */
export function parseJavaVersion(output: string): JavaVersion | undefined {
  const match = /version "([^"]+)"/.exec(output);
  if (!match) {
    return undefined;
  }
  const version = match[1];
  const numbers = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!numbers) {
    return undefined;
  }
  const first = Number(numbers[1]);
  // Before Java 9 the scheme was 1.<major>.
  const major = first === 1 && numbers[2] !== undefined ? Number(numbers[2]) : first;
  return { version, major };
}

/** The executables to try, in order: the setting, then JAVA_HOME, then each PATH entry. */
export function javaCandidates(environment: Omit<JavaEnvironment, "runVersion">): JavaCandidate[] {
  const p = environment.platform === "win32" ? path.win32 : path.posix;
  const exe = environment.platform === "win32" ? "java.exe" : "java";
  const candidates: JavaCandidate[] = [];
  const settingHome = environment.settingHome?.trim();
  if (settingHome) {
    candidates.push({ source: "setting", javaPath: p.join(settingHome, "bin", exe) });
  }
  const javaHome = environment.env["JAVA_HOME"]?.trim();
  if (javaHome) {
    candidates.push({ source: "JAVA_HOME", javaPath: p.join(javaHome, "bin", exe) });
  }
  const pathVar = environment.env["PATH"] ?? environment.env["Path"] ?? "";
  for (const dir of pathVar.split(p.delimiter)) {
    // Relative PATH entries would make the launch depend on the working directory.
    if (dir && p.isAbsolute(dir)) {
      candidates.push({ source: "PATH", javaPath: p.join(dir, exe) });
    }
  }
  return candidates;
}

/**
 * Finds the first candidate that is Java 17 or newer. When the setting is set,
 * only the setting is tried: silently running another Java than the one the
 * user chose would hide their mistake.
 */
export async function findJava(environment: JavaEnvironment): Promise<JavaLookup> {
  const problems: string[] = [];
  const settingHome = environment.settingHome?.trim();
  const isAbsolute = environment.platform === "win32" ? path.win32.isAbsolute : path.posix.isAbsolute;
  if (settingHome && !isAbsolute(settingHome)) {
    return {
      found: false,
      problems: [`ormlens.java.home is "${settingHome}", which is not an absolute path`],
      settingIsWrong: true,
    };
  }
  let candidates = javaCandidates(environment);
  if (settingHome) {
    candidates = candidates.filter((c) => c.source === "setting");
  }
  const seen = new Set<string>();
  let anyExecutable = false;
  for (const candidate of candidates) {
    if (seen.has(candidate.javaPath)) {
      continue;
    }
    seen.add(candidate.javaPath);
    const where = describe(candidate);
    if (!environment.isExecutableFile(candidate.javaPath)) {
      if (candidate.source !== "PATH") {
        problems.push(`${where}: ${candidate.javaPath} does not exist or is not executable`);
      }
      continue;
    }
    anyExecutable = true;
    let output: string;
    try {
      output = await environment.runVersion(candidate.javaPath);
    } catch (error) {
      problems.push(`${where}: running "${candidate.javaPath} -version" failed: ${errorText(error)}`);
      continue;
    }
    const version = parseJavaVersion(output);
    if (!version) {
      problems.push(`${where}: could not read the version from "${candidate.javaPath} -version"`);
      continue;
    }
    if (version.major < MINIMUM_JAVA_MAJOR) {
      problems.push(`${where}: ${candidate.javaPath} is Java ${version.version}; ORM Lens needs ${MINIMUM_JAVA_MAJOR} or newer`);
      continue;
    }
    return { found: true, javaPath: candidate.javaPath, version, source: candidate.source };
  }
  if (!settingHome && !anyExecutable) {
    problems.push("no java executable in JAVA_HOME or on PATH");
  }
  return { found: false, problems, settingIsWrong: Boolean(settingHome) };
}

/** The message shown once when no usable Java was found. */
export function noJavaMessage(lookup: Extract<JavaLookup, { found: false }>): string {
  const head = lookup.settingIsWrong
    ? `ORM Lens cannot start: the Java in ormlens.java.home is not usable (Java ${MINIMUM_JAVA_MAJOR}+ is needed).`
    : `ORM Lens cannot start: it needs Java ${MINIMUM_JAVA_MAJOR} or newer, and none was found.`;
  const fix = ` Install a JDK ${MINIMUM_JAVA_MAJOR}+ and set "ormlens.java.home" to its folder (the one holding bin/java).`;
  const detail = lookup.problems.length > 0 ? ` ${lookup.problems.join("; ")}.` : "";
  return head + detail + fix;
}

/** The real machine. */
export function nodeJavaEnvironment(settingHome: string | undefined): JavaEnvironment {
  return {
    settingHome,
    env: process.env,
    platform: process.platform,
    isExecutableFile(p: string): boolean {
      try {
        const stat = fs.statSync(p);
        if (!stat.isFile()) {
          return false;
        }
        if (process.platform !== "win32") {
          fs.accessSync(p, fs.constants.X_OK);
        }
        return true;
      } catch {
        return false;
      }
    },
    runVersion(javaPath: string): Promise<string> {
      return new Promise((resolve, reject) => {
        execFile(javaPath, ["-version"], { timeout: 15000, windowsHide: true }, (error, stdout, stderr) => {
          if (error) {
            reject(error);
          } else {
            resolve(`${stderr}\n${stdout}`);
          }
        });
      });
    },
  };
}

function describe(candidate: JavaCandidate): string {
  switch (candidate.source) {
    case "setting":
      return "ormlens.java.home";
    case "JAVA_HOME":
      return "JAVA_HOME";
    case "PATH":
      return "PATH";
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
