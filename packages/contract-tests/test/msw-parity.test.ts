// One source, two mocks, one answer: the same operation × status matrix (the 200 and the five
// documented errors, through the real client) plus the other documented cases (no or empty
// credentials, a required parameter missing or empty, a value its schema refuses, another method,
// every page of a list) run
// against the Prism mock (startMock) and against the MSW handlers (@tikhubapi/msw under
// setupServer). For every case both must give the same status, the same body and the same documented
// headers. The timing of each run is printed. Run with msw 2 on Node 20, and with msw 3 on Node 24
// (TIKHUB_MSW_MAJOR=3 via scripts/vitest-msw3.mjs: this file's `msw` is then the msw3 alias).

import { createTikHubClient, type TikHubClient } from "@tikhubapi/client";
import { type RunningMock, startMock } from "@tikhubapi/mock";
import { createHandlers } from "@tikhubapi/msw";
import type { ParamValue } from "@tikhubapi/spec/model";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractOperation, DOCUMENTED_ERRORS, operations, STATUSES } from "../src/operations.js";

const MSW_BASE = "http://msw.contract.test/api/v1";
const DEMO = `Basic ${btoa("demo:demo")}`;
/** Headers the spec documents (Retry-After) or the API's shape implies; Prism's own (sl-violations, CORS) are not compared. */
const COMPARED_HEADERS = ["content-type", "retry-after", "allow"];

interface Seen {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
type Results = Map<string, Map<string, Seen | { error: string }>>;

type AnyMethod = ((params?: object, options?: object) => Promise<unknown>) & { pages?: (params: object, options: object) => AsyncIterable<unknown> };

async function seen(response: Response): Promise<Seen> {
  const headers: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, headers, body };
}

/** Per constrained parameter of an operation, a value its schema refuses (type, enum, bounds, pattern). */
function invalidValues(op: ContractOperation): Array<[string, string]> {
  return op.params.flatMap((p): Array<[string, string]> => {
    if (p.type === "integer") return [[p.name, p.minimum !== undefined ? String(p.minimum - 1) : p.maximum !== undefined ? String(p.maximum + 1) : "1.5"]];
    if (p.enum) return [[p.name, "not-listed"]];
    if (p.pattern !== undefined) return [[p.name, "not valid ✗"]];
    return [];
  });
}

/** Runs every case against one base URL: `key` names the case, the value is what came back. */
async function runMatrix(baseUrl: string): Promise<Results> {
  const results: Results = new Map();
  let last: Seen | undefined;
  const recording: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    last = await seen(response.clone());
    return response;
  };
  const client = createTikHubClient({ username: "demo", password: "demo", baseUrl, maxRetries: 0, fetch: recording });
  const emptyCredentials = createTikHubClient({ username: "", password: "", baseUrl, maxRetries: 0, fetch: recording });
  const methodOf = (c: TikHubClient, op: ContractOperation) => (c as unknown as Record<string, Record<string, AnyMethod>>)[op.namespace]![op.method]!;
  const raw = async (op: ContractOperation, params: Record<string, ParamValue>, init: RequestInit = {}) => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    return seen(
      await globalThis.fetch(`${baseUrl}${op.path}?${query}`, { ...init, headers: { authorization: DEMO, ...(init.headers as Record<string, string>) } }),
    );
  };
  const rawQuery = async (op: ContractOperation, query: URLSearchParams) =>
    seen(await globalThis.fetch(`${baseUrl}${op.path}?${query}`, { headers: { authorization: DEMO } }));
  const throughClient = async (call: () => Promise<unknown>): Promise<Seen | { error: string }> => {
    last = undefined;
    await call().catch(() => undefined);
    return last ?? { error: "no answer" };
  };

  for (const op of operations) {
    const cases = new Map<string, Seen | { error: string }>();
    results.set(op.id, cases);
    cases.set("200", await throughClient(() => methodOf(client, op)(op.exampleParams)));
    for (const status of DOCUMENTED_ERRORS)
      cases.set(String(status), await throughClient(() => methodOf(client, op)(op.exampleParams, { headers: { Prefer: `code=${status}` } })));
    cases.set("no credentials", await raw(op, op.exampleParams, { headers: { authorization: "" } }));
    cases.set("empty credentials", await throughClient(() => methodOf(emptyCredentials, op)(op.exampleParams)));
    cases.set("a password with ':'", await raw(op, op.exampleParams, { headers: { authorization: `Basic ${btoa("demo:a:b")}` } }));
    if (op.required.length > 0) {
      const missing = op.required[op.required.length - 1]!;
      const { [missing]: _dropped, ...without } = op.exampleParams;
      cases.set(`${missing} missing`, await raw(op, without));
      cases.set(`${missing} empty`, await raw(op, { ...without, [missing]: "" }));
      // Query forms where a hand-written check once differed from Prism: a name sent twice (once empty), a name in upper case.
      const twice = new URLSearchParams(Object.entries(without).map(([k, v]) => [k, String(v)]));
      twice.append(missing, "");
      twice.append(missing, String(op.exampleParams[missing]));
      cases.set(`${missing} twice, once empty`, await rawQuery(op, twice));
      cases.set(`${missing.toUpperCase()} (upper case)`, await raw(op, { ...without, [missing.toUpperCase()]: op.exampleParams[missing] as ParamValue }));
    }
    for (const [name, value] of invalidValues(op)) cases.set(`${name}=${value}`, await raw(op, { ...op.exampleParams, [name]: value }));
    cases.set("POST", await raw(op, op.exampleParams, { method: "POST" }));
    // Prism's own errors (problem+json): a status the operation does not document, an example it lacks, a path the spec lacks.
    cases.set("Prefer: code=418", await raw(op, op.exampleParams, { headers: { prefer: "code=418" } }));
    cases.set("Prefer: example=no-such-example", await raw(op, op.exampleParams, { headers: { prefer: "example=no-such-example" } }));
    cases.set("unknown path", await seen(await globalThis.fetch(`${baseUrl}${op.path}/no-such-path`, { headers: { authorization: DEMO } })));
    if (op.paged) {
      const pages: unknown[] = [];
      for await (const page of methodOf(client, op).pages!(op.exampleParams, { maxPages: 10 })) pages.push(page);
      cases.set("pages", { status: 200, headers: {}, body: pages });
    }
  }
  return results;
}

const mswVersion: string = (await import("msw/package.json", { with: { type: "json" } })).default.version;
let prism: RunningMock;
const timings = { prismMs: 0, mswMs: 0 };
let prismResults: Results;
let mswResults: Results;

beforeAll(async () => {
  prism = await startMock({ port: 0 });
  let started = performance.now();
  prismResults = await runMatrix(prism.url);
  timings.prismMs = performance.now() - started;

  const server = setupServer(...createHandlers({ baseUrl: MSW_BASE }));
  server.listen({ onUnhandledRequest: "error" });
  try {
    started = performance.now();
    mswResults = await runMatrix(MSW_BASE);
    timings.mswMs = performance.now() - started;
  } finally {
    server.close();
  }
}, 300_000);

afterAll(async () => {
  await prism?.close();
  if (!prismResults || !mswResults) return;
  const agree = (cases: (key: string) => boolean) => {
    let same = 0;
    let total = 0;
    for (const [id, prismCases] of prismResults) {
      for (const [key, answer] of prismCases) {
        if (!cases(key)) continue;
        total++;
        if (JSON.stringify(mswResults.get(id)?.get(key)) === JSON.stringify(answer)) same++;
      }
    }
    return `${same}/${total}`;
  };
  const statuses = new Set(STATUSES.map(String));
  console.log(
    `\nMSW ↔ Prism parity (msw ${mswVersion}, Node ${process.versions.node}): ${agree((key) => statuses.has(key))} operation × status cases agree, ${agree((key) => !statuses.has(key))} other cases agree` +
      `\nmatrix time (${operations.length} operations, all cases, sequential): Prism mock ${timings.prismMs.toFixed(0)} ms, MSW handlers ${timings.mswMs.toFixed(0)} ms`,
  );
});

/** How an MSW answer differs from Prism's, in a line (undefined: the same). */
function difference(prismAnswer: Seen | { error: string }, mswAnswer: Seen | { error: string } | undefined): string | undefined {
  if (JSON.stringify(prismAnswer) === JSON.stringify(mswAnswer)) return undefined;
  if (!mswAnswer || "error" in mswAnswer || "error" in prismAnswer)
    return `Prism ${JSON.stringify(prismAnswer).slice(0, 80)}, MSW ${JSON.stringify(mswAnswer).slice(0, 80)}`;
  const parts = [];
  if (prismAnswer.status !== mswAnswer.status) parts.push(`status: Prism ${prismAnswer.status}, MSW ${mswAnswer.status}`);
  if (JSON.stringify(prismAnswer.headers) !== JSON.stringify(mswAnswer.headers))
    parts.push(`headers: Prism ${JSON.stringify(prismAnswer.headers)}, MSW ${JSON.stringify(mswAnswer.headers)}`);
  if (JSON.stringify(prismAnswer.body) !== JSON.stringify(mswAnswer.body))
    parts.push(`body: Prism ${JSON.stringify(prismAnswer.body).slice(0, 120)}, MSW ${JSON.stringify(mswAnswer.body).slice(0, 120)}`);
  return parts.join("; ");
}

describe.each(operations.map((op) => [`${op.id} (GET ${op.path})`, op] as const))("%s", (_name, op) => {
  it("the MSW handlers answer every case exactly as the Prism mock: status, body, documented headers", () => {
    const expected = prismResults.get(op.id)!;
    const actual = mswResults.get(op.id)!;
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    const differences = [...expected].flatMap(([key, answer]) => {
      const diff = difference(answer, actual.get(key));
      return diff === undefined ? [] : [`${op.id} ${key}: ${diff}`];
    });
    expect(differences, `${op.id}: MSW differs from Prism`).toEqual([]);
    for (const [key, answer] of expected) expect("error" in answer ? answer.error : undefined, `${op.id} ${key}: Prism gave no answer`).toBeUndefined();
  });
});
