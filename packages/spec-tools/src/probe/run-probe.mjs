// The live probe: each operation once, with its example parameters, through the real client; each
// answer validated against the spec (ajv), with the fields sent but not declared and the required
// fields not sent. A request budget (default: one call per operation) bounds what it spends.
import { createTikHubClient } from "@tikhubapi/client";
import { buildModel, deref } from "@tikhubapi/spec/model";
import { credentialSecrets, DEFAULT_BASE_URL, redact } from "@tikhubapi/spec/runtime";
import { createSpecValidator } from "@tikhubapi/spec/validator";
import { compareBody } from "./fields.mjs";

const MAX_PACE_MS = 60_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Operations without parameters first (cheap, e.g. the key's own info), then spec order. */
export const probeOrder = (operations) => [...operations.filter((o) => o.params.length === 0), ...operations.filter((o) => o.params.length > 0)];

/**
 * ajv's errors for a body; where the response schema (at `ref`, already followed to `schema`) is a oneOf
 * (the success envelope or the risk-control one), the errors of the branch that fits best, not every branch's complaints.
 */
function schemaErrors(validator, ref, schema, body) {
  const whole = validator.validateAt(ref, body);
  if (whole.valid) return [];
  if (!Array.isArray(schema?.oneOf)) return whole.errors;
  const branches = schema.oneOf.map((_, i) => validator.validateAt(`${ref}/oneOf/${i}`, body).errors);
  const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
  return best.length ? best : whole.errors;
}

/** Every parameter the spec gives an example for (required ones must have one). */
function exampleParams(op) {
  const missing = op.params.filter((p) => p.required && p.example === undefined).map((p) => p.name);
  if (missing.length) return { problem: `no example for required parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` };
  return { params: Object.fromEntries(op.params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example])) };
}

/**
 * @param {{ spec, validator?: import("@tikhubapi/spec/validator").SpecValidator, baseUrl?: string, username: string, password: string, budget?: number, only?: string[], log?: (line: string) => void, pace?: boolean }} options
 */
export async function runProbe({ spec, validator = createSpecValidator(spec), baseUrl, username, password, budget, only, log = () => {}, pace = true }) {
  const secrets = credentialSecrets(username, password);
  let operations = probeOrder(buildModel(spec));
  if (only?.length) operations = operations.filter((o) => only.includes(o.id));
  const limit = budget ?? operations.length;
  let calls = 0;
  const answered = { last: undefined };
  const countingFetch = async (input, init) => {
    calls += 1;
    const response = await fetch(input, init);
    answered.last = { status: response.status, text: await response.clone().text() };
    return response;
  };
  const client = createTikHubClient({ username, password, baseUrl, fetch: countingFetch, maxRetries: 0, timeoutMs: 30_000 });
  const entries = [];
  let stopped;
  for (const [index, op] of operations.entries()) {
    const entry = {
      operationId: op.id,
      operation: `${op.httpMethod} ${op.path}`,
      evidence: op.evidence,
      outcome: "skipped",
      status: null,
      schemaErrors: [],
      undeclaredFields: [],
      missingRequiredFields: [],
    };
    entries.push(entry);
    if (stopped) {
      entry.note = stopped;
      continue;
    }
    if (calls >= limit) {
      entry.note = `request budget of ${limit} spent`;
      continue;
    }
    const { params, problem } = exampleParams(op);
    if (problem) {
      entry.outcome = "error";
      entry.error = problem;
      continue;
    }
    // Calls beyond one per operation still to probe may go to the client's retries (429, 5xx, timeouts).
    const spare = limit - calls - (operations.length - index);
    answered.last = undefined;
    let thrown;
    try {
      await client[op.namespace][op.method](params, { maxRetries: Math.max(0, Math.min(2, spare)) });
    } catch (error) {
      thrown = error;
    }
    const last = answered.last;
    if (thrown && !(thrown.name === "ApiCodeError")) entry.error = `${thrown.name}: ${redact(String(thrown.message), secrets)}`;
    if (!last) {
      entry.outcome = "error";
    } else {
      entry.status = last.status;
      let body;
      try {
        body = JSON.parse(last.text);
      } catch {
        entry.schemaErrors.push(`the body is not JSON (${last.text.length} bytes)`);
      }
      const documented = op.statuses.includes(last.status);
      if (!documented) entry.schemaErrors.push(`status ${last.status} is not documented (documented: ${op.statuses.join(", ")})`);
      if (body !== undefined && documented) {
        // The response body's schema, as the validator finds it (a $ref'd response followed).
        const ref = validator.responseSchemaRef(op.id, last.status);
        const schema = deref(spec, { $ref: `#${ref}` });
        entry.schemaErrors.push(...schemaErrors(validator, ref, schema, body));
        if (schema) {
          const { undeclared, missing } = compareBody(spec, schema, body);
          entry.undeclaredFields = undeclared;
          entry.missingRequiredFields = missing;
        }
      }
      const findings = entry.schemaErrors.length + entry.undeclaredFields.length + entry.missingRequiredFields.length;
      if (findings) entry.outcome = "drift";
      else if (last.status === 200 && body?.code === 0) {
        entry.outcome = "ok";
        entry.body = body;
      } else entry.outcome = "no-evidence";
      if (last.status === 200 && body?.code !== 0 && !findings)
        entry.note = `HTTP 200 with code ${body?.code} (${String(body?.msg ?? "")}): no evidence either way`;
      if (last.status === 401 || last.status === 428) stopped = `stopped: the API refused the credentials (HTTP ${last.status} on ${op.id})`;
      if (pace && thrown?.name === "RateLimitError") await sleep(Math.min(thrown.retryAfterMs ?? 1_000, MAX_PACE_MS));
    }
    log(entryLine(entry));
  }
  const count = (outcome) => entries.filter((e) => e.outcome === outcome).length;
  return {
    generatedAt: new Date().toISOString(),
    baseUrl: baseUrl ?? DEFAULT_BASE_URL,
    budget: limit,
    calls,
    summary: {
      operations: entries.length,
      ok: count("ok"),
      drift: count("drift"),
      noEvidence: count("no-evidence"),
      error: count("error"),
      skipped: count("skipped"),
    },
    operations: entries,
  };
}

/** One line per operation, then its findings indented. */
export function entryLine(e) {
  const head = `${e.operation} (${e.operationId}): ${e.status ?? "no answer"} ${e.outcome}${e.error ? ` — ${e.error}` : ""}${e.note ? ` — ${e.note}` : ""}`;
  const lines = [head];
  for (const s of e.schemaErrors) lines.push(`    schema: ${s}`);
  for (const f of e.undeclaredFields) lines.push(`    undeclared field: ${f}`);
  for (const f of e.missingRequiredFields) lines.push(`    required field missing: ${f}`);
  return lines.join("\n");
}
