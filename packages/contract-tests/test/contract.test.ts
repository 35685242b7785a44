// Generated from the spec, not written per operation: every operation × (200 + the five documented
// errors) through the real client against real Prism over HTTP (the mock, which runs Prism in its
// process), plus per operation a call without credentials and a call with a required parameter
// missing, and for every paged operation a walk of all its pages with .pages() and .iterate().

import { readFileSync } from "node:fs";
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
import { type RunningMock, startMock } from "@tikhubapi/mock";
import { hasMore, readField } from "@tikhubapi/spec/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CoverageMatrix } from "../src/matrix.js";
import { type ContractOperation, DOCUMENTED_ERRORS, operations, paginationOf, validator } from "../src/operations.js";

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
  iterate?: (params: object, options: object) => AsyncIterable<unknown>;
};
const methodOf = (c: TikHubClient, op: ContractOperation) => (c as unknown as Record<string, Record<string, AnyMethod>>)[op.namespace][op.method];

describe.each(operations.map((op) => [`${op.id} (GET ${op.path})`, op] as const))("%s", (_name, op) => {
  it("documents 200 and the five errors", () => {
    expect(op.statuses).toEqual([200, ...DOCUMENTED_ERRORS]);
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

  it.runIf(op.required.length > 0)(
    "a required parameter missing: InvalidRequestError from the client (nothing sent), 400 from the mock when sent raw",
    async () => {
      const missing = op.required[op.required.length - 1];
      const params = { ...op.exampleParams };
      delete params[missing];
      const before = requestsSent;
      const error = await methodOf(
        client,
        op,
      )(params).then(
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
    },
  );

  it.runIf(op.requiredStrings.length > 0)("a required string parameter sent empty: 400 from the mock", async () => {
    for (const name of op.requiredStrings) {
      const query = new URLSearchParams(Object.entries({ ...op.exampleParams, [name]: "" }).map(([k, v]) => [k, String(v)]));
      const raw = await fetch(`${mock.url}${op.path}?${query}`, { headers: { authorization: "Basic ZGVtbzpkZW1v" } });
      expect(raw.status, `${name}=`).toBe(400);
      expect(validator.validateResponse(op.id, 400, await raw.json()).valid).toBe(true);
    }
  });

  it.runIf(op.paged)(".pages() walks every page of the mock (≥ 3) by the cursor each page returns, to has_more false", async () => {
    const { pagination, pageExamples } = pagingOf(op);
    const walked: unknown[] = [];
    for await (const page of methodOf(client, op).pages!(op.exampleParams, {})) {
      walked.push(page);
      expect(walked.length, "more pages than the spec holds: the list does not end").toBeLessThanOrEqual(pageExamples.length);
    }
    expect(walked.length).toBeGreaterThanOrEqual(3);
    expect(walked.length).toBe(pageExamples.length);
    expect(hasMore(readField(walked.at(-1), pagination.hasMoreField))).toBe(false);
    expect(new Set(walked.map((page) => JSON.stringify(page))).size).toBe(walked.length);
    pagesWalked.set(op.id, walked.length);
  });

  it.runIf(op.paged)(".iterate() yields every item of every page once: 0 duplicates", async () => {
    const { pageExamples, pagination } = pagingOf(op);
    const expected = pageExamples.reduce<number>(
      (sum, example) => sum + (readField((example as { data: unknown }).data, pagination.itemsField) as unknown[]).length,
      0,
    );
    const items: string[] = [];
    for await (const item of methodOf(client, op).iterate!(op.exampleParams, {})) {
      items.push(JSON.stringify(item));
      expect(items.length).toBeLessThanOrEqual(expected);
    }
    expect(items.length).toBe(expected);
    expect(new Set(items).size).toBe(items.length);
  });
});

const pagesWalked = new Map<string, number>();

/** The operation's pagination and the values of its 200 examples (its pages, first to last), from the spec. */
function pagingOf(op: ContractOperation) {
  return { pagination: paginationOf(op), pageExamples: op.examples200 };
}

describe("the default live room is worth rendering", () => {
  it("the client README's quick start prints the room's title and viewer count, not undefined", async () => {
    const readme = readFileSync(new URL("../../client/README.md", import.meta.url), "utf8");
    const call = /const \{ data: room \} = await tikhub\.live\.getInfo\((\{[^)]*\})\);\nconsole\.log\(room\.title, room\.user_count\);/.exec(readme);
    expect(call, "the README's quick start").not.toBeNull();
    const { data: room } = (await client.live.getInfo(JSON.parse(call![1]!.replace(/(\w+):/g, '"$1":')))) as {
      data: { title: string; user_count: number; owner: { nickname: string; avatar_thumb: { url_list: string[] } }; stream_url: { hls_pull_url: string } };
    };
    expect(typeof room.title).toBe("string");
    expect(room.title.length).toBeGreaterThan(0);
    expect(room.user_count).toBeGreaterThan(0);
    expect(room.owner.nickname).toBeTruthy();
    expect(room.owner.avatar_thumb.url_list[0]).toMatch(/^https:\/\//);
    expect(room.stream_url.hls_pull_url).toMatch(/^https:\/\/.*\.m3u8$/);
  });
});

describe("coverage", () => {
  it("covers every operation × every documented status", () => {
    expect(matrix.missing()).toEqual([]);
    expect(matrix.passed.size).toBe(operations.length * 6);
  });

  it("walked every paged operation to its end", () => {
    const paged = operations.filter((op) => op.paged);
    expect(paged.length).toBeGreaterThan(0);
    expect([...pagesWalked.keys()].sort()).toEqual(paged.map((op) => op.id).sort());
    const counts = [...pagesWalked.values()];
    console.log(`Paging: ${paged.length} paged operations walked to the end, ${Math.min(...counts)}–${Math.max(...counts)} pages each`);
  });
});
