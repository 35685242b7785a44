// `@tikhubapi/msw` in Node, as an app's tests use it: MSW's setupServer with the handlers of the
// PACKED package, and the PACKED client with its default base URL (the real API's), for every operation
// of the spec: its 200 example, every documented error by Prefer, the 401 without credentials, the
// 400 for a missing required parameter, lists walked to their end; then the credentials' order, the
// scenarios and server.use(). With msw 2 (Node 20) and msw 3 (Node 24): see msw-major.ts.

import { OPERATIONS } from "@tikhubapi/spec/operations";
import { DOCUMENTED_ERRORS } from "@tikhubapi/spec/runtime";
import { deref, loadSpec } from "@tikhubapi/spec/spec";
import { HttpResponse, http, type RequestHandler } from "msw";
import { type SetupServerApi, setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installPacked, type PackedInstall } from "../../../scripts/packed-install.mjs";
import { MSW_LINK, MSW_MAJOR, MSW_VERSION } from "./msw-major.js";

const spec = loadSpec();
const API = "https://api.tikhubapi.com/api/v1";

interface Operation {
  id: string;
  namespace: string;
  method: string;
  path: string;
  params: Record<string, string | number>;
  required: string[];
  examples: Array<[string, { data: unknown }]>;
  errorBodies: Record<number, unknown>;
  /** The documented 429's Retry-After example, in seconds. */
  retryAfter: number;
  paged: boolean;
}

// Names, parameters and paging from the operation model; examples and documented bodies from the spec.
const operations: Operation[] = OPERATIONS.map((model) => {
  const operation = spec.paths[model.path].get;
  const content = (status: number) => deref(spec, operation.responses[String(status)]).content["application/json"];
  return {
    id: model.id,
    namespace: model.namespace,
    method: model.method,
    path: model.path,
    params: Object.fromEntries(model.params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example as string | number])),
    required: model.params.filter((p) => p.required).map((p) => p.name),
    examples: Object.entries(content(200).examples ?? {}).map(([name, example]) => [name, deref(spec, example).value]),
    errorBodies: Object.fromEntries(DOCUMENTED_ERRORS.map(({ status }) => [status, content(status).example])),
    retryAfter: Number(deref(spec, deref(spec, operation.responses["429"]).headers?.["Retry-After"])?.example),
    paged: model.pagination !== null,
  };
});

type AnyMethod = ((params?: object, options?: object) => Promise<unknown>) & {
  iterate?: (params: object, options?: object) => AsyncIterable<unknown>;
  pages?: (params: object, options?: object) => AsyncIterable<unknown>;
};
type Client = Record<string, Record<string, AnyMethod>>;

let packed: PackedInstall;
let server: SetupServerApi;
let createHandlers: (options?: object) => RequestHandler[];
let createTikHubClient: (options?: object) => Client;
let errors: Record<string, new (...args: never[]) => Error>;
let lastBody: { status: number; text: string } | undefined;

const recording = (input: RequestInfo | URL, init?: RequestInit) =>
  globalThis.fetch(input, init).then(async (response) => {
    lastBody = { status: response.status, text: await response.clone().text() };
    return response;
  });

beforeAll(async () => {
  packed = installPacked(["client", "msw"], { msw: MSW_LINK });
  ({ createHandlers } = await import(packed.moduleUrl("@tikhubapi/msw")));
  const client = await import(packed.moduleUrl("@tikhubapi/client"));
  createTikHubClient = client.createTikHubClient;
  errors = client;
  server = setupServer(...createHandlers());
  server.listen({ onUnhandledRequest: "error" });
}, 120_000);

afterEach(() => server?.resetHandlers());
afterAll(() => {
  server?.close();
  packed?.remove();
});

const client = (options: object = {}) => createTikHubClient({ username: "demo", password: "demo", maxRetries: 0, fetch: recording, ...options });
const methodOf = (c: Client, op: Operation) => c[op.namespace]![op.method]!;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error & { status?: number; retryAfterMs?: number },
  );

it(`covers every operation of the spec, with msw ${MSW_MAJOR} (${MSW_VERSION}) on Node ${process.versions.node}`, async () => {
  expect(operations).toHaveLength(50);
  expect(Number(MSW_VERSION.split(".")[0])).toBe(MSW_MAJOR);
  // The packed handlers load that same msw (the install's link), not another copy.
  const { readFileSync, realpathSync } = await import("node:fs");
  const linked = realpathSync(`${packed.dir}/node_modules/msw`);
  expect(JSON.parse(readFileSync(`${linked}/package.json`, "utf8")).version).toBe(MSW_VERSION);
  // …and so does this file's own `msw` (setupServer, http): the msw3 alias under TIKHUB_MSW_MAJOR=3.
  const own = await import("msw/package.json", { with: { type: "json" } });
  expect(own.default.version).toBe(MSW_VERSION);
});

it("credentials on one URL, in any order: bad, good (a password with ':' too, RFC 7617), none, bad, good: each gets its own answer", async () => {
  const liveInfo = operations.find((op) => op.path === "/live/info")!;
  const url = `${API}${liveInfo.path}?${new URLSearchParams(liveInfo.params as Record<string, string>)}`;
  const sequence: Array<[string, string | undefined, number]> = [
    ["no colon", `Basic ${btoa("demo")}`, 401],
    ["a password with colons", `Basic ${btoa("demo:a:b")}`, 200],
    ["demo:demo", `Basic ${btoa("demo:demo")}`, 200],
    ["none", undefined, 401],
    ["Bearer", "Bearer demo", 401],
    ["a password with colons again", `Basic ${btoa("demo:a:b")}`, 200],
    ["empty user and password", `Basic ${btoa(":")}`, 401],
  ];
  for (const [label, authorization, status] of sequence) {
    const response = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
    expect(response.status, label).toBe(status);
    expect(await response.json(), label).toEqual(status === 200 ? liveInfo.examples[0]![1] : liveInfo.errorBodies[401]);
  }
});

describe.each(operations.map((op) => [`${op.id} (GET ${op.path})`, op] as const))("%s", (_name, op) => {
  it("200 with its example, through the packed client at the default base URL", async () => {
    const data = await methodOf(client(), op)(op.params);
    expect(lastBody?.status).toBe(200);
    expect(JSON.parse(lastBody!.text)).toEqual(op.examples[0]![1]);
    expect(data).toBeTypeOf("object");
  });

  it("every documented error by Prefer: code=…, as its typed error with the documented body", async () => {
    for (const { status } of DOCUMENTED_ERRORS) {
      const error = await failure(methodOf(client(), op)(op.params, { headers: { Prefer: `code=${status}` } }));
      expect(error, `Prefer: code=${status}`).toBeInstanceOf(errors.TikHubError);
      expect(error!.status).toBe(status);
      expect(JSON.parse(lastBody!.text)).toEqual(op.errorBodies[status]);
      if (status === 429) expect(error!.retryAfterMs).toBe(op.retryAfter * 1000);
    }
  });

  it("401 without credentials and with empty ones", async () => {
    const saved = [process.env.TIKHUB_USERNAME, process.env.TIKHUB_PASSWORD];
    delete process.env.TIKHUB_USERNAME;
    delete process.env.TIKHUB_PASSWORD;
    try {
      for (const anonymous of [createTikHubClient({ maxRetries: 0, fetch: recording }), client({ username: "", password: "" })]) {
        await expect(methodOf(anonymous, op)(op.params)).rejects.toBeInstanceOf(errors.AuthenticationError);
        expect(JSON.parse(lastBody!.text)).toEqual(op.errorBodies[401]);
      }
    } finally {
      if (saved[0] !== undefined) process.env.TIKHUB_USERNAME = saved[0];
      if (saved[1] !== undefined) process.env.TIKHUB_PASSWORD = saved[1];
    }
  });

  it.runIf(op.required.length > 0)("400 for a required parameter missing or empty (sent raw: the client refuses to send it)", async () => {
    const missing = op.required[op.required.length - 1]!;
    for (const value of [undefined, ""]) {
      const query = new URLSearchParams(
        Object.entries(op.params)
          .filter(([k]) => k !== missing)
          .map(([k, v]) => [k, String(v)]),
      );
      if (value !== undefined) query.set(missing, value);
      const response = await fetch(`${API}${op.path}?${query}`, { headers: { authorization: `Basic ${btoa("demo:demo")}` } });
      expect(response.status, `${missing}=${value ?? "(absent)"}`).toBe(400);
      expect(await response.json()).toEqual(op.errorBodies[400]);
    }
  });

  it.runIf(op.paged)("iterate() walks every page of the spec to the list's end, without duplicates", async () => {
    const items: string[] = [];
    for await (const item of methodOf(client(), op).iterate!(op.params, { maxPages: 50 })) items.push(JSON.stringify(item));
    const bodies = new Set<string>();
    for await (const page of methodOf(client(), op).pages!(op.params, { maxPages: 50 })) bodies.add(JSON.stringify(page));
    expect(bodies.size, "one distinct page per 200 example of the spec").toBe(op.examples.length);
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items).size).toBe(items.length);
  });
});

describe("scenarios and overrides", () => {
  const liveInfo = operations.find((op) => op.required.length === 2 && !op.paged && op.path.startsWith("/live/"))!;
  const call = (c: Client = client()) => methodOf(c, liveInfo)(liveInfo.params);

  it("server.use() overrides one operation for one test (429 with Retry-After), resetHandlers() restores it", async () => {
    server.use(
      http.get(`${API}${liveInfo.path}`, () =>
        HttpResponse.json({ code: 429, msg: "slow down", data: null }, { status: 429, headers: { "Retry-After": "2" } }),
      ),
    );
    const error = await failure(call());
    expect(error).toBeInstanceOf(errors.RateLimitError);
    expect(error!.retryAfterMs).toBe(2000);
    server.resetHandlers();
    await expect(call()).resolves.toBeTypeOf("object");
  });

  it("rateLimit: beyond N requests per second per credential, the documented 429 with Retry-After ≥ 1", async () => {
    server.use(...createHandlers({ rateLimit: 2 }));
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${API}${liveInfo.path}?${new URLSearchParams(liveInfo.params as Record<string, string>)}`, {
          headers: { authorization: `Basic ${btoa("rate:limit")}` },
        }),
      ),
    );
    const limited = statuses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited[0]!.json()).toEqual(liveInfo.errorBodies[429]);
  });

  it("failRate 1: every request gets the documented 500; failRate 0: none", async () => {
    server.use(...createHandlers({ failRate: 1 }));
    const error = await failure(call());
    expect(error).toBeInstanceOf(errors.ServerError);
    expect(JSON.parse(lastBody!.text)).toEqual(liveInfo.errorBodies[500]);
    server.resetHandlers();
    server.use(...createHandlers({ failRate: 0 }));
    for (let i = 0; i < 5; i++) await expect(call()).resolves.toBeTypeOf("object");
  });

  it("latency: every answer waits at least that long", async () => {
    server.use(...createHandlers({ latency: "150-200" }));
    const started = performance.now();
    await call();
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("a bad scenario value is a clear error naming it", () => {
    expect(() => createHandlers({ failRate: 2 })).toThrow(/fail-rate.*0 to 1/);
    expect(() => createHandlers({ latency: "soon" })).toThrow(/latency/);
  });

  it("other methods: 405 with Allow and the API's envelope", async () => {
    const response = await fetch(`${API}${liveInfo.path}`, { method: "POST", body: "{}", headers: { authorization: `Basic ${btoa("demo:demo")}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toMatch(/GET/);
    expect(await response.json()).toMatchObject({ code: 405, data: null });
  });

  it("a CORS preflight gets the Node mock's policy: the Origin echoed, credentials allowed, the requested headers and method allowed", async () => {
    const response = await fetch(`${API}${liveInfo.path}`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET");
  });

  it("a configurable base URL; an unknown path under it gets Prism's 404", async () => {
    server.use(...createHandlers({ baseUrl: "http://mock.test/v9" }));
    const c = client({ baseUrl: "http://mock.test/v9" });
    await expect(call(c)).resolves.toBeTypeOf("object");
    const unknown = await fetch("http://mock.test/v9/no/such/path", { headers: { authorization: `Basic ${btoa("demo:demo")}` } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });
});
