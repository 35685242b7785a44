// The reference page's request samples (x-codeSamples in docs/dist/openapi.json, the copy the page renders):
// every operation has one per language; the hand-curated spec has none; and every executed sample — curl,
// TypeScript, CLI, Python, Java — run as shown with only the base URL replaced by a real mock's
// (startMock, port 0), exits 0 and prints the operation's documented 200 answer (one of the 200's
// examples; the client and the CLI print its `data`). A failure names the operation and the language.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { startMock } from "@tikhubapi/mock";
import { buildModel, deref as derefIn } from "@tikhubapi/spec/model";
import { afterAll, beforeAll, describe, test } from "vitest";
import { ensureSampleRuntimes } from "../../scripts/ensure-sample-runtimes.mjs";
import { BASE_URL, LANGUAGES } from "../lib/code-samples.mjs";
import { runSamples } from "./helpers/run-samples.mjs";

const docsDir = new URL("../", import.meta.url).pathname;
const root = new URL("../../", import.meta.url).pathname;
const docsSpecPath = join(docsDir, "dist", "openapi.json");
assert.ok(existsSync(docsSpecPath), `${docsSpecPath} is missing: run \`pnpm run docs\` first`);
const spec = JSON.parse(readFileSync(docsSpecPath, "utf8"));
const deref = (node) => derefIn(spec, node);
const operations = buildModel(spec).map((model) => ({ path: model.path, operation: spec.paths[model.path].get, id: model.id, model }));
const executed = LANGUAGES.filter((l) => l.executed);

/** The documented 200 answers of an operation: every example of its 200 response. */
function documented200(operation) {
  const media = deref(deref(operation.responses?.["200"])?.content?.["application/json"]);
  if (!media) return [];
  return [...(media.example !== undefined ? [media.example] : []), ...Object.values(media.examples ?? {}).map((e) => deref(e).value)];
}

/** JSON as compared here: ids beyond 2^53 may be exact strings (client, CLI) or bare numbers (raw body). */
const comparable = (value) =>
  typeof value === "string" && /^-?\d{16,}$/.test(value)
    ? Number(value)
    : Array.isArray(value)
      ? value.map(comparable)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]))
        : value;

const sampleOf = (operation, language) => operation["x-codeSamples"]?.find((s) => s.label === language.label);
/** The source of `operation`'s sample in the language whose id is `languageId`. */
const sourceIn = (operation, languageId) =>
  sampleOf(
    operation,
    LANGUAGES.find((l) => l.id === languageId),
  ).source;

describe("the samples on the page", () => {
  test("the spec has the operations the samples are checked for", () => {
    assert.ok(operations.length >= 50, `expected at least 50 operations, the docs' spec has ${operations.length}`);
  });

  test("every operation has one sample per language, each reading the credentials from the environment and calling the API's base URL", () => {
    const problems = [];
    for (const { id, operation } of operations) {
      for (const language of LANGUAGES) {
        const sample = sampleOf(operation, language);
        if (!sample) {
          problems.push(`${id} [${language.label}]: no sample`);
          continue;
        }
        if (sample.lang !== language.lang) problems.push(`${id} [${language.label}]: lang ${sample.lang}, expected ${language.lang}`);
        if (!sample.source.includes(BASE_URL)) problems.push(`${id} [${language.label}]: does not call ${BASE_URL}`);
        for (const variable of ["TIKHUB_USERNAME", "TIKHUB_PASSWORD"])
          if (!sample.source.includes(variable)) problems.push(`${id} [${language.label}]: does not read ${variable}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test("the TypeScript and CLI samples use the names the client and the CLI derive from the spec", () => {
    const problems = [];
    for (const { id, operation, model } of operations) {
      const { namespace, method, cliCommand: command } = model;
      const section = namespace;
      const ts = sourceIn(operation, "typescript");
      const cli = sourceIn(operation, "cli");
      if (!ts.includes(`tikhub.${namespace}.${method}(`)) problems.push(`${id} [TypeScript]: does not call tikhub.${namespace}.${method}(…)`);
      if (!new RegExp(`^tikhub ${section} ${command}\\b`, "m").test(cli)) problems.push(`${id} [CLI]: does not run tikhub ${section} ${command}`);
    }
    assert.deepEqual(problems, []);
  });

  test("the page says which samples are not executed", () => {
    for (const language of LANGUAGES.filter((l) => !l.executed)) {
      assert.match(language.label, /not executed/, `${language.label}: the label must say it is not executed`);
      assert.match(spec.info.description, new RegExp(`${language.label.split(" ")[0]} samples are not executed`), "the page's introduction says so");
    }
  });

  test("the hand-curated spec in openapi/ has no code samples (they exist only in the docs' copy)", () => {
    const sources = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === "dist" || entry.name === "node_modules") continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ya?ml|json)$/.test(entry.name)) sources.push(path);
      }
    };
    walk(join(root, "openapi"));
    sources.push(join(root, "openapi", "dist", "openapi.json"));
    const withSamples = sources.filter((file) => /x-code-?samples/i.test(readFileSync(file, "utf8")));
    assert.deepEqual(withSamples, []);
  });
});

describe("every executed sample, run as shown against the mock, gets the documented 200", () => {
  let mock;
  let outcome;
  let seconds;
  const concurrency = Math.max(2, Math.min(8, cpus().length * 3));
  // A reader's shell: the credentials (any work on the mock) and a UTF-8 locale (Java prints with it).
  const sampleEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TIKHUB_USERNAME: "demo",
    TIKHUB_PASSWORD: "demo-password",
    NO_COLOR: "1",
    LANG: "C.UTF-8",
  };

  beforeAll(async () => {
    ensureSampleRuntimes();
    mock = await startMock({ port: 0, readyTimeoutMs: 120_000 }); // generous: Prism starts slowly on a busy machine
    const samples = operations.flatMap(({ id, operation }) =>
      executed.map((language) => ({ operationId: id, language: language.id, source: sampleOf(operation, language)?.source ?? "" })),
    );
    const started = Date.now();
    outcome = await runSamples(samples, {
      mockUrl: mock.url,
      workDir: join(docsDir, ".samples-run"),
      env: sampleEnv,
      concurrency,
      timeoutMs: 90_000,
    });
    seconds = (Date.now() - started) / 1000;
  }, 600_000);

  afterAll(async () => {
    await mock?.close();
    if (!outcome) return;
    const tally = executed.map((language) => {
      const passed = operations.filter(({ id }) => outcome.passed?.has(`${id} ${language.id}`)).length;
      const ms = operations.map(({ id }) => outcome.results.get(`${id} ${language.id}`)?.ms ?? 0);
      return `${language.id} ${passed}/${operations.length} (${(ms.reduce((a, b) => a + b, 0) / ms.length / 1000).toFixed(2)} s each)`;
    });
    const { tsc, javac } = outcome.compilers;
    console.log(
      `code samples against the mock: ${tally.join(", ")}; ${seconds.toFixed(1)} s in all (${concurrency} at a time; tsc ${(tsc.ms / 1000).toFixed(1)} s, javac ${(javac.ms / 1000).toFixed(1)} s, side by side)`,
    );
  });

  for (const { id, operation } of operations) {
    for (const language of executed) {
      test(`${id} [${language.label}]`, () => {
        const problem = problemOf(operation, language, outcome.results.get(`${id} ${language.id}`));
        assert.equal(problem, null);
        outcome.passed ??= new Set();
        outcome.passed.add(`${id} ${language.id}`);
      });
    }
  }

  test("a wrong sample fails, and the failure names the operation and the language", async () => {
    // Two samples broken the way samples go wrong: a path the API does not have, a method the client does not have.
    const { id, operation } = operations.find((op) => op.model.params.length > 0);
    const curl = sourceIn(operation, "curl");
    const ts = sourceIn(operation, "typescript");
    const broken = [
      { operationId: id, language: "curl", source: curl.replace(`${BASE_URL}/`, `${BASE_URL}/no-such-path/`) },
      { operationId: id, language: "typescript", source: ts.replace(/(tikhub\.\w+\.)(\w+)\(/, "$1$2Typo(") },
    ];
    assert.notEqual(broken[0].source, curl);
    assert.notEqual(broken[1].source, ts);
    const { results } = await runSamples(broken, { mockUrl: mock.url, workDir: join(docsDir, ".samples-run-broken"), env: sampleEnv, concurrency: 2 });
    for (const language of executed.filter((l) => l.id === "curl" || l.id === "typescript")) {
      const problem = problemOf(operation, language, results.get(`${id} ${language.id}`));
      assert.ok(problem, `the broken ${language.label} sample passed`);
      assert.ok(problem.startsWith(`${id} [${language.label}]: `), `the failure does not name the operation and the language: ${problem}`);
    }
  }, 180_000);
});

/** null when a sample's run printed the documented 200 answer; else what went wrong, naming the operation and the language. */
function problemOf(operation, language, result) {
  const where = `${operation.operationId} [${language.label}]`;
  if (!result) return `${where}: did not run`;
  if (result.compileErrors) return `${where}: does not compile:\n${result.compileErrors.join("\n")}`;
  if (result.timedOut) return `${where}: no answer within the time limit`;
  if (result.code !== 0) return `${where}: exit ${result.code}\nstdout: ${result.stdout.slice(0, 600)}\nstderr: ${result.stderr.slice(0, 600)}`;
  let printed;
  try {
    printed = JSON.parse(result.stdout);
  } catch {
    return `${where}: did not print JSON: ${result.stdout.slice(0, 600)}`;
  }
  const answers = documented200(operation);
  if (answers.length === 0) return `${where}: the operation documents no 200 example to compare with`;
  // The client and the CLI print the envelope's data; the others the whole body.
  const expected = answers.map((body) => comparable(language.id === "typescript" || language.id === "cli" ? body.data : body));
  const got = comparable(printed);
  if (!expected.some((answer) => isDeepStrictEqual(answer, got)))
    return `${where}: printed something other than the documented 200 answer: ${result.stdout.slice(0, 600)}`;
  return null;
}
