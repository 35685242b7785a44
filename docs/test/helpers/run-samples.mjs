// Runs the page's code samples (x-codeSamples of docs/dist/openapi.json) as a reader would, against a mock:
// each sample's text with the API's base URL replaced by the mock's URL, and nothing else changed.
//   curl, CLI  → `sh sample.sh` (the CLI as `tikhub` on PATH: this repository's built packages/cli)
//   TypeScript → one `tsc` over all samples (type-checked against the built @tikhubapi/client), then node
//   Python     → python3 sample.py
//   Java       → one `javac` over all samples, then java -cp out <Class>
// At most `concurrency` processes at a time; each is killed (with its process group) after `timeoutMs`.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runInGroup as run } from "../../../scripts/process-group.mjs";
import { BASE_URL, javaClassName } from "../../lib/code-samples.mjs";

const require = createRequire(import.meta.url);
const docsDir = new URL("../../", import.meta.url).pathname;

async function pool(items, concurrency, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (queue.length > 0) await work(queue.shift());
    }),
  );
}

/** Which sample files a compiler's output names: liveGetInfo.mts(3,1) / LiveGetInfo.java:3 → their diagnostics. */
function diagnosticsByFile(output, pattern) {
  const found = new Map();
  for (const line of output.split("\n")) {
    const match = line.match(pattern);
    if (match) found.set(match[1], [...(found.get(match[1]) ?? []), line.trim()]);
  }
  return found;
}

/**
 * samples: [{ operationId, language, source }] (language: curl | typescript | cli | python | java).
 * Resolves a Map `${operationId} ${language}` → { code, stdout, stderr, timedOut, compileErrors? }.
 */
export async function runSamples(samples, { mockUrl, workDir, env, concurrency = 4, timeoutMs = 60_000 }) {
  rmSync(workDir, { recursive: true, force: true });
  const dirs = Object.fromEntries(["sh", "ts", "ts-out", "py", "java", "java-out", "bin"].map((d) => [d, join(workDir, d)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

  // `tikhub` as a reader has it after `npm install -g @tikhubapi/cli`.
  const tikhub = join(dirs.bin, "tikhub");
  writeFileSync(
    tikhub,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(require.resolve("@tikhubapi/cli/package.json").replace(/package\.json$/, "bin/tikhub.mjs"))} "$@"\n`,
  );
  chmodSync(tikhub, 0o755);
  const runEnv = { ...env, PATH: `${dirs.bin}:${process.env.PATH}` };

  // python3 itself rather than a version manager's shim script in front of it (pyenv's costs ~0.1 s a call).
  const python = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).stdout.trim() || "python3";

  const jobs = samples.map((sample) => {
    const source = sample.source.replaceAll(BASE_URL, mockUrl);
    const id = sample.operationId;
    switch (sample.language) {
      case "curl":
      case "cli": {
        const file = join(dirs.sh, `${id}.${sample.language}.sh`);
        writeFileSync(file, source);
        return { sample, command: "sh", args: [file] };
      }
      case "typescript":
        writeFileSync(join(dirs.ts, `${id}.mts`), source);
        return { sample, command: process.execPath, args: [join(dirs["ts-out"], `${id}.mjs`)], compiledFrom: `${id}.mts` };
      case "python": {
        const file = join(dirs.py, `${id}.py`);
        writeFileSync(file, source);
        return { sample, command: python, args: [file] };
      }
      case "java": {
        const className = javaClassName(id);
        writeFileSync(join(dirs.java, `${className}.java`), source);
        // Quicker JVM start-up for a one-request program; the sample itself is unchanged.
        return {
          sample,
          command: "java",
          args: ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", dirs["java-out"], className],
          compiledFrom: `${className}.java`,
        };
      }
      default:
        throw new Error(`no runner for ${sample.language}`);
    }
  });

  // Both compilers at once, each over all of its samples in one call.
  const tsconfig = {
    compilerOptions: {
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      skipLibCheck: true,
      types: ["node"],
      rootDir: ".",
      outDir: "../ts-out",
    },
    include: ["*.mts"],
  };
  writeFileSync(join(dirs.ts, "tsconfig.json"), JSON.stringify(tsconfig));
  const javaFiles = jobs.filter((j) => j.sample.language === "java").map((j) => join(dirs.java, j.compiledFrom));
  const timed = async (promise) => {
    const started = Date.now();
    return { ...(await promise), ms: Date.now() - started };
  };
  const [tsc, javac] = await Promise.all([
    timed(run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", dirs.ts], { cwd: docsDir, timeoutMs: 180_000 })),
    timed(
      javaFiles.length ? run("javac", ["-d", dirs["java-out"], ...javaFiles], { timeoutMs: 180_000 }) : Promise.resolve({ code: 0, stdout: "", stderr: "" }),
    ),
  ]);
  const compileErrors = new Map([
    ...diagnosticsByFile(tsc.stdout + tsc.stderr, /([A-Za-z0-9_]+\.mts)\(\d+,\d+\): error/),
    ...diagnosticsByFile(javac.stdout + javac.stderr, /([A-Za-z0-9_]+\.java):\d+: error/),
  ]);

  const results = new Map();
  await pool(jobs, concurrency, async (job) => {
    const key = `${job.sample.operationId} ${job.sample.language}`;
    const errors = job.compiledFrom && compileErrors.get(job.compiledFrom);
    if (errors) return results.set(key, { code: null, stdout: "", stderr: "", timedOut: false, compileErrors: errors });
    const started = Date.now();
    const result = await run(job.command, job.args, { cwd: workDir, env: runEnv, timeoutMs });
    results.set(key, { ...result, ms: Date.now() - started });
  });
  return { results, compilers: { tsc, javac } };
}
