import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import {
  findJava,
  javaCandidates,
  nodeJavaEnvironment,
  noJavaMessage,
  parseJavaVersion,
  type JavaEnvironment,
} from "../src/logic/java";

test("parses the java -version output of current and old JDKs", () => {
  const cases: [string, string, number][] = [
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', "17.0.15", 17],
    ['java version "1.8.0_292"\nJava(TM) SE Runtime Environment (build 1.8.0_292-b10)', "1.8.0_292", 8],
    ['openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)', "21", 21],
    ['openjdk version "22-ea" 2024-03-19', "22-ea", 22],
    ['openjdk version "11.0.2" 2019-01-15', "11.0.2", 11],
    ['Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF8\nopenjdk version "17.0.8.1" 2023-08-24', "17.0.8.1", 17],
    ['java version "9"', "9", 9],
  ];
  for (const [output, version, major] of cases) {
    assert.deepEqual(parseJavaVersion(output), { version, major }, output);
  }
});

test("output without a version is not a version", () => {
  assert.equal(parseJavaVersion("bash: java: command not found"), undefined);
  assert.equal(parseJavaVersion('version "abc"'), undefined);
  assert.equal(parseJavaVersion(""), undefined);
});

test("candidates come from the setting, then JAVA_HOME, then each absolute PATH entry", () => {
  const candidates = javaCandidates({
    settingHome: "/opt/jdk21",
    env: { JAVA_HOME: "/usr/lib/jvm/java-17", PATH: "/usr/local/bin:relative/bin::/usr/bin" },
    platform: "linux",
    isExecutableFile: () => true,
  });
  assert.deepEqual(
    candidates.map((c) => `${c.source} ${c.javaPath}`),
    [
      "setting /opt/jdk21/bin/java",
      "JAVA_HOME /usr/lib/jvm/java-17/bin/java",
      "PATH /usr/local/bin/java",
      "PATH /usr/bin/java",
    ],
  );
});

test("on Windows the executable is java.exe and PATH is split on semicolons", () => {
  const candidates = javaCandidates({
    settingHome: undefined,
    env: { Path: "C:\\Windows;C:\\Program Files\\Java\\jdk-17\\bin" },
    platform: "win32",
    isExecutableFile: () => true,
  });
  assert.deepEqual(
    candidates.map((c) => c.javaPath),
    ["C:\\Windows\\java.exe", "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe"],
  );
});

/** A fake machine: `javas` maps an executable path to its -version output (or an Error). */
function machine(
  javas: Record<string, string | Error>,
  settingHome?: string,
  env: Record<string, string> = {},
): JavaEnvironment & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    settingHome,
    env,
    platform: "linux",
    isExecutableFile: (p) => p in javas,
    runVersion: async (p) => {
      ran.push(p);
      const result = javas[p];
      if (result instanceof Error) {
        throw result;
      }
      return result;
    },
  };
}

const JAVA_8 = 'java version "1.8.0_292"';
const JAVA_17 = 'openjdk version "17.0.15" 2025-04-15';
const JAVA_21 = 'openjdk version "21.0.2" 2024-01-16';

test("the setting wins over JAVA_HOME and PATH", async () => {
  const lookup = await findJava(
    machine({ "/opt/jdk21/bin/java": JAVA_21, "/usr/bin/java": JAVA_17 }, "/opt/jdk21", { PATH: "/usr/bin" }),
  );
  assert.deepEqual(lookup, {
    found: true,
    javaPath: "/opt/jdk21/bin/java",
    version: { version: "21.0.2", major: 21 },
    source: "setting",
  });
});

test("a setting pointing at an old Java is reported, not silently replaced by PATH", async () => {
  const fake = machine({ "/opt/jdk8/bin/java": JAVA_8, "/usr/bin/java": JAVA_17 }, "/opt/jdk8", { PATH: "/usr/bin" });
  const lookup = await findJava(fake);
  assert.equal(lookup.found, false);
  assert.ok(!lookup.found && lookup.settingIsWrong);
  assert.deepEqual(!lookup.found && lookup.problems, [
    "ormlens.java.home: /opt/jdk8/bin/java is Java 1.8.0_292; ORM Lens needs 17 or newer",
  ]);
  assert.deepEqual(fake.ran, ["/opt/jdk8/bin/java"]);
});

test("a relative setting is rejected before anything runs", async () => {
  const fake = machine({ "/usr/bin/java": JAVA_17 }, "jdk17", { PATH: "/usr/bin" });
  const lookup = await findJava(fake);
  assert.equal(lookup.found, false);
  assert.ok(!lookup.found && lookup.settingIsWrong);
  assert.deepEqual(fake.ran, []);
});

test("an old JAVA_HOME is skipped in favour of a Java 17 on PATH", async () => {
  const lookup = await findJava(
    machine({ "/jdk8/bin/java": JAVA_8, "/usr/bin/java": JAVA_17 }, undefined, {
      JAVA_HOME: "/jdk8",
      PATH: "/bin:/usr/bin",
    }),
  );
  assert.ok(lookup.found);
  assert.equal(lookup.found && lookup.javaPath, "/usr/bin/java");
  assert.equal(lookup.found && lookup.source, "PATH");
});

test("a java that fails to run is reported and the next one is tried", async () => {
  const lookup = await findJava(
    machine({ "/broken/bin/java": new Error("spawn EACCES"), "/usr/bin/java": JAVA_17 }, undefined, {
      JAVA_HOME: "/broken",
      PATH: "/usr/bin",
    }),
  );
  assert.ok(lookup.found);
});

test("with no Java at all the message says how to fix it", async () => {
  const lookup = await findJava(machine({}, undefined, { PATH: "/bin:/usr/bin" }));
  assert.ok(!lookup.found);
  if (!lookup.found) {
    assert.equal(lookup.settingIsWrong, false);
    assert.deepEqual(lookup.problems, ["no java executable in JAVA_HOME or on PATH"]);
    const message = noJavaMessage(lookup);
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /ormlens\.java\.home/);
  }
});

test("only old Javas: every one is named in the message", async () => {
  const lookup = await findJava(
    machine({ "/jdk11/bin/java": 'openjdk version "11.0.2"', "/usr/bin/java": JAVA_8 }, undefined, {
      JAVA_HOME: "/jdk11",
      PATH: "/usr/bin",
    }),
  );
  assert.ok(!lookup.found);
  const message = !lookup.found ? noJavaMessage(lookup) : "";
  assert.match(message, /JAVA_HOME: \/jdk11\/bin\/java is Java 11\.0\.2/);
  assert.match(message, /PATH: \/usr\/bin\/java is Java 1\.8\.0_292/);
});

test("the real machine's Java is found by absolute path when there is one", { skip: !fs.existsSync("/usr/bin/java") }, async () => {
  const lookup = await findJava(nodeJavaEnvironment(undefined));
  if (lookup.found) {
    assert.ok(lookup.javaPath.startsWith("/"));
    assert.ok(lookup.version.major >= 17);
  } else {
    assert.ok(lookup.problems.length > 0);
  }
});
