// Generated from the spec, not written per operation: every operation × (200 + the five documented
// errors) through the real client against a real Prism process, plus per operation a call without
// credentials and a call with a required parameter missing.
import { startMock, type RunningMock } from "@tikhubapi/mock";
import {
  AuthenticationError,
  BadRequestError,
  createTikHubClient,
  InvalidRequestError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  type TikHubClient,
} from "@tikhubapi/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoverageMatrix } from "../src/matrix.js";
import { DOCUMENTED_ERRORS, operations, validator, type ContractOperation } from "../src/operations.js";

const ERROR_CLASSES = { 400: BadRequestError, 401: AuthenticationError, 428: SessionExpiredError, 429: RateLimitError, 500: ServerError } as const;

let mock: RunningMock;
let client: TikHubClient;
let anonymous: TikHubClient;
let lastBody = "";
let requestsSent = 0;
const matrix = new CoverageMatrix(operations);

/** The global fetch, keeping a copy of each response body so it can be validated as sent. */
const recordingFetch: typeof fetch = async (input, init) => {
  requestsSent++;
  const response = await fetch(input, init);
  lastBody = await response.clone().text();
  return response;
};

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  client = createTikHubClient({ username: "demo", password: "demo", baseUrl: mock.url, maxRetries: 0, fetch: recordingFetch });
  const saved = [process.env.TIKHUB_USERNAME, process.env.TIKHUB_PASSWORD];
  delete process.env.TIKHUB_USERNAME;
  delete process.env.TIKHUB_PASSWORD;
  anonymous = createTikHubClient({ baseUrl: mock.url, maxRetries: 0 });
  [process.env.TIKHUB_USERNAME, process.env.TIKHUB_PASSWORD] = saved;
  if (saved[0] === undefined) delete process.env.TIKHUB_USERNAME;
  if (saved[1] === undefined) delete process.env.TIKHUB_PASSWORD;
});

afterAll(async () => {
  await mock?.close();
  console.log(`\nContract coverage (operation × documented status, real client → real Prism)\n${matrix.render()}`);
});

type AnyMethod = ((params?: object, options?: object) => Promise<unknown>) & {
  pages?: (params: object, options: object) => AsyncIterable<unknown>;
};
const methodOf = (c: TikHubClient, op: ContractOperation) => (c as unknown as Record<string, Record<string, AnyMethod>>)[op.namespace][op.method];

describe.each(operations.map((op) => [`${op.id} (GET ${op.path})`, op] as const))("%s", (_name, op) => {
  it("documents 200 and the five errors", () => {
    expect(op.statuses.sort()).toEqual([200, ...DOCUMENTED_ERRORS]);
  });

  it("200: answers its example, which validates against the spec", async () => {
    const data = await methodOf(client, op)(op.exampleParams);
    const body = JSON.parse(lastBody);
    const { valid, errors } = validator.validateResponse(op.id, 200, body);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(body.code).toBe(0);
    expect(body, "the mock answers the spec's own example").toEqual(op.example200);
    expect(data).toBeTypeOf("object");
    expect(JSON.stringify(data)).not.toContain("-9007199254740991");
    matrix.record(op.id, 200);
  });

  it.each(DOCUMENTED_ERRORS.map((s) => [s]))("%i: raises its documented error class", async (status) => {
    const call = methodOf(client, op)(op.exampleParams, { headers: { Prefer: `code=${status}` } });
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ERROR_CLASSES[status]);
    expect(error).toMatchObject({ status, code: status });
    const { valid, errors } = validator.validateResponse(op.id, status, JSON.parse(lastBody));
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    if (status === 429) expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    matrix.record(op.id, status);
  });

  it("without credentials: AuthenticationError", async () => {
    await expect(methodOf(anonymous, op)(op.exampleParams)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it.runIf(op.required.length > 0)("a required parameter missing: InvalidRequestError from the client (nothing sent), 400 from the mock when sent raw", async () => {
    const missing = op.required[op.required.length - 1];
    const params = { ...op.exampleParams };
    delete params[missing];
    const before = requestsSent;
    const error = await methodOf(client, op)(params).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain(`"${missing}"`);
    expect(requestsSent).toBe(before);
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const raw = await fetch(`${mock.url}${op.path}?${query}`, { headers: { authorization: "Basic ZGVtbzpkZW1v" } });
    expect(raw.status).toBe(400);
    const body = await raw.json();
    expect(validator.validateResponse(op.id, 400, body).valid).toBe(true);
  });

  it.runIf(op.requiredStrings.length > 0)("a required string parameter sent empty: 400 from the mock", async () => {
    for (const name of op.requiredStrings) {
      const query = new URLSearchParams(Object.entries({ ...op.exampleParams, [name]: "" }).map(([k, v]) => [k, String(v)]));
      const raw = await fetch(`${mock.url}${op.path}?${query}`, { headers: { authorization: "Basic ZGVtbzpkZW1v" } });
      expect(raw.status, `${name}=`).toBe(400);
      expect(validator.validateResponse(op.id, 400, await raw.json()).valid).toBe(true);
    }
  });

  it.runIf(op.paged)("pages: follows the example's cursor and stops (repeated cursor or maxPages)", async () => {
    let pages = 0;
    for await (const page of methodOf(client, op).pages!(op.exampleParams, { maxPages: 3 })) {
      expect(page).toBeTypeOf("object");
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
  });
});

describe("coverage", () => {
  it("covers every operation × every documented status", () => {
    expect(matrix.missing()).toEqual([]);
    expect(matrix.passed.size).toBe(operations.length * 6);
  });
});
