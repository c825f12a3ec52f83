/**
 * The mapping from VS Code settings (`ormlens.*`) to the configuration section
 * `ormlens` that the server reads through workspace/configuration and
 * didChangeConfiguration. Client-only settings (`java.home`, `trace.server`)
 * are not sent. Malformed values are dropped and reported, never sent on.
 */

export type Severity = "error" | "warning" | "information" | "hint";

const SEVERITIES: readonly Severity[] = ["error", "warning", "information", "hint"];
const CODE = /^ORM\d{3}$/;

export interface ServerSettings {
  readonly diagnostics: {
    readonly disabled: readonly string[];
    readonly severity: Readonly<Record<string, Severity>>;
  };
  /** Dotted module name, or null for "the module that defines the declarative base". */
  readonly resolverModule: string | null;
  readonly entryModules: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export interface MappedSettings {
  readonly settings: ServerSettings;
  /** One line per value that was dropped, for the output channel. */
  readonly problems: readonly string[];
}

/** Reads a setting by its key below `ormlens.`, e.g. `diagnostics.disabled`. */
export type SettingReader = (key: string) => unknown;

export function toServerSettings(read: SettingReader): MappedSettings {
  const problems: string[] = [];
  const disabled = codes(read("diagnostics.disabled"), "ormlens.diagnostics.disabled", problems);
  const severity: Record<string, Severity> = {};
  const rawSeverity = read("diagnostics.severity");
  if (isPlainObject(rawSeverity)) {
    for (const [key, value] of Object.entries(rawSeverity)) {
      const code = key.trim().toUpperCase();
      const level = typeof value === "string" ? value.trim().toLowerCase() : value;
      if (!CODE.test(code)) {
        problems.push(`ormlens.diagnostics.severity: "${key}" is not a diagnostic code like ORM101`);
      } else if (!SEVERITIES.includes(level as Severity)) {
        problems.push(`ormlens.diagnostics.severity: ${code} is ${JSON.stringify(value)}; use one of ${SEVERITIES.join(", ")}`);
      } else {
        severity[code] = level as Severity;
      }
    }
  } else if (rawSeverity !== undefined && rawSeverity !== null) {
    problems.push("ormlens.diagnostics.severity must be an object mapping codes to severities");
  }
  const rawResolver = read("resolverModule");
  let resolverModule: string | null = null;
  if (typeof rawResolver === "string" && rawResolver.trim() !== "") {
    resolverModule = rawResolver.trim();
  } else if (rawResolver !== undefined && rawResolver !== null && typeof rawResolver !== "string") {
    problems.push("ormlens.resolverModule must be a string");
  }
  return {
    settings: {
      diagnostics: { disabled, severity },
      resolverModule,
      entryModules: strings(read("entryModules"), "ormlens.entryModules", problems),
      include: strings(read("include"), "ormlens.include", problems),
      exclude: strings(read("exclude"), "ormlens.exclude", problems),
    },
    problems,
  };
}

/**
 * The value for one requested section: `ormlens` gives the whole object,
 * `ormlens.diagnostics` a part of it; anything else is not ours (undefined).
 */
export function sectionValue(settings: ServerSettings, section: string | undefined): unknown {
  if (section === "ormlens") {
    return settings;
  }
  if (section === undefined || !section.startsWith("ormlens.")) {
    return undefined;
  }
  let value: unknown = settings;
  for (const part of section.slice("ormlens.".length).split(".")) {
    if (!isPlainObject(value) || !(part in value)) {
      return null;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Whether a change to this setting needs a new server process rather than a configuration push. */
export function needsRestart(changedKey: string): boolean {
  return changedKey === "ormlens.java.home";
}

function strings(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(`${name} must be an array of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === "string" && item.trim() !== "") {
      if (!out.includes(item.trim())) {
        out.push(item.trim());
      }
    } else {
      problems.push(`${name}: ignored ${JSON.stringify(item)}, not a non-empty string`);
    }
  }
  return out;
}

function codes(value: unknown, name: string, problems: string[]): string[] {
  const out: string[] = [];
  for (const item of strings(value, name, problems)) {
    const code = item.toUpperCase();
    if (!CODE.test(code)) {
      problems.push(`${name}: ignored "${item}", not a diagnostic code like ORM301`);
    } else if (!out.includes(code)) {
      out.push(code);
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
