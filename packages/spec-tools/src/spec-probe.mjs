// `pnpm spec:probe [--write] [--report <file>] [--budget <n>] [--only <id,…>] [--spec-dir <dir>]`:
// the live probe (credentials from TIKHUB_USERNAME / TIKHUB_PASSWORD, the API root from TIKHUB_BASE_URL
// as the CLI reads it). Prints one line per operation and writes the report as JSON. Exit 0 when it ran
// (drift is in the report, not an error), 2 when it could not (the message says why).
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deref } from "@tikhubapi/spec/model";
import { checkBaseUrl, credentialSecrets, DEFAULT_BASE_URL, redact, trimBaseUrl } from "@tikhubapi/spec/runtime";
import { createSpecValidator } from "@tikhubapi/spec/validator";
import { parseToolArgs } from "./args.mjs";
import { SpecToolError } from "./errors.mjs";
import { git } from "./git.mjs";
import { publicValues, redactObserved } from "./probe/redact-observed.mjs";
import { runProbe } from "./probe/run-probe.mjs";
import { writeEvidence } from "./probe/write-evidence.mjs";

export const USAGE = `usage: pnpm spec:probe [--write] [--report <file>] [--budget <calls>] [--only <operationId,…>] [--spec-dir <openapi dir>]\n  needs TIKHUB_USERNAME and TIKHUB_PASSWORD; TIKHUB_BASE_URL picks the API root (default ${DEFAULT_BASE_URL})`;

/** The API root from TIKHUB_BASE_URL, checked by the rule the client and the CLI share (checkBaseUrl: http(s), no user name or password in it). */
export function baseUrlFromEnv(env) {
  const text = env.TIKHUB_BASE_URL?.trim();
  if (!text) return undefined;
  const problem = checkBaseUrl(text);
  if (problem === undefined) return trimBaseUrl(text);
  // The URL itself is never quoted: it may hold a password.
  if (/user name or password/.test(problem))
    throw new SpecToolError("TIKHUB_BASE_URL must not contain a user name or password: credentials come from TIKHUB_USERNAME and TIKHUB_PASSWORD only");
  throw new SpecToolError("TIKHUB_BASE_URL must be an http(s) URL such as http://127.0.0.1:4010");
}

export async function runSpecProbe(argv, { cwd = process.cwd(), env = process.env, log = console.log, now = new Date() } = {}) {
  const args = parseToolArgs(
    argv,
    { write: { type: "boolean" }, report: { type: "string" }, budget: { type: "string" }, only: { type: "string" }, "spec-dir": { type: "string" } },
    USAGE,
  );
  if (args.help) {
    log(USAGE);
    return { exitCode: 0 };
  }
  const username = env.TIKHUB_USERNAME;
  const password = env.TIKHUB_PASSWORD;
  if (!username || !password)
    throw new SpecToolError(
      `refusing to run without credentials: set TIKHUB_USERNAME and TIKHUB_PASSWORD (your TikHub account; never pass them as arguments)\n${USAGE}`,
    );
  const baseUrl = baseUrlFromEnv(env);
  let budget;
  if (args.budget !== undefined) {
    budget = Number(args.budget);
    if (!Number.isInteger(budget) || budget < 1) throw new SpecToolError(`--budget must be a whole number of calls ≥ 1, got ${JSON.stringify(args.budget)}`);
  }
  const repoRoot = git(cwd, ["rev-parse", "--show-toplevel"]);
  const bundlePath = join(repoRoot, "openapi", "dist", "openapi.json");
  let spec;
  try {
    spec = JSON.parse(readFileSync(bundlePath, "utf8"));
  } catch (error) {
    throw new SpecToolError(`cannot read the bundled spec at ${bundlePath} (${error.code ?? error.message}): run \`pnpm build\` first`);
  }
  const only = args.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((id) => !Object.values(spec.paths).some((item) => item.get?.operationId === id));
  if (unknown?.length) throw new SpecToolError(`--only names no operation of the spec: ${unknown.join(", ")}`);

  const reportPath = resolve(cwd, args.report ?? join(repoRoot, "spec-probe-report.json"));
  log(
    `spec:probe: ${only?.length ? `${only.length} operation${only.length === 1 ? "" : "s"}` : "every operation"} against ${baseUrl ?? DEFAULT_BASE_URL}, budget ${budget ?? "one call per operation"}`,
  );
  // One validator (ajv over the whole spec) for the probe and for checking the redacted copies.
  const validator = createSpecValidator(spec);
  const report = await runProbe({ spec, validator, baseUrl, username, password, budget, only, log: (line) => log(`  ${line}`) });

  if (args.write) {
    const specDir = resolve(cwd, args["spec-dir"] ?? join(repoRoot, "openapi"));
    const date = now.toISOString().slice(0, 10);
    const publics = publicValues(spec);
    const observed = [];
    for (const entry of report.operations.filter((e) => e.outcome === "ok")) {
      const path = entry.operation.slice(entry.operation.indexOf(" ") + 1);
      const media = deref(spec, spec.paths[path].get.responses["200"]).content["application/json"];
      const example = deref(spec, Object.values(media.examples ?? {})[0])?.value;
      const { value, replaced, truncatedLists } = redactObserved(entry.body, { spec, example, username, password, publics });
      const check = validator.validateResponse(entry.operationId, 200, value);
      if (!check.valid) {
        entry.written = `not written: the redacted copy does not validate (${check.errors[0]})`;
        continue;
      }
      entry.written = `${entry.operationId}Observed (${replaced} identifying value${replaced === 1 ? "" : "s"} replaced, ${truncatedLists} list${truncatedLists === 1 ? "" : "s"} cut to 3 items)`;
      observed.push({ operationId: entry.operationId, path, value, date });
    }
    const written = writeEvidence({ specDir, observed });
    log(`\n--write: ${written.length} observed example${written.length === 1 ? "" : "s"} written under ${specDir}`);
    for (const w of written) log(`  ${w.example}${w.upgradedFrom ? `; x-status ${w.upgradedFrom} → CONFIRMED proposed (review it)` : ""}`);
    report.written = written;
  }
  for (const entry of report.operations) delete entry.body;
  const s = report.summary;
  log(
    `\n${report.calls} call${report.calls === 1 ? "" : "s"} (budget ${report.budget}): ${s.ok} ok, ${s.drift} drifted, ${s.noEvidence} without evidence, ${s.error} failed, ${s.skipped} skipped`,
  );
  const text = `${JSON.stringify(report, null, 2)}\n`;
  // Belt and braces: the report is built from bodies and redacted messages only; refuse to write a credential anyway.
  if (redact(text, credentialSecrets(username, password)) !== text) throw new SpecToolError("the report would contain a credential: not written");
  writeFileSync(reportPath, text);
  log(`report: ${reportPath}`);
  return { exitCode: 0, report, reportPath };
}
