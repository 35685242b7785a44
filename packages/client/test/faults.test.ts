import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  ApiCodeError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createTikHubClient,
  InvalidRequestError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TikHubError,
  TimeoutError,
} from "../src/index.js";
import { caught } from "./caught.js";
import { type LoopbackServer, ok, startLoopbackServer } from "./loopback-server.js";

const SECRET = "s3cr3t-pa55word";
const liveParams = { room_id: "7531095702089370381", user_id: "6796815426174960646" };

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => server.answer(ok({ data: { id_str: "1" } })));

const client = (options: Parameters<typeof createTikHubClient>[0] = {}) =>
  createTikHubClient({ username: "demo-user", password: SECRET, baseUrl: server.url, ...options });

describe("requests", () => {
  it("sends Basic auth, the query and returns the envelope's data", async () => {
    server.answer(ok({ data: { id_str: "7531095702089370381", title: "hello" } }));
    const room = await client().live.getInfo(liveParams);
    expect(room).toEqual({ data: { id_str: "7531095702089370381", title: "hello" } });
    const [request] = server.requests;
    expect(request.url.pathname).toBe("/live/info");
    expect(Object.fromEntries(request.url.searchParams)).toEqual(liveParams);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`demo-user:${SECRET}`).toString("base64")}`);
  });

  it("joins a base URL that has a path without a double slash", async () => {
    await client({ baseUrl: `${server.url}/api/v1/` }).live.getInfo(liveParams);
    expect(server.requests[0].url.pathname).toBe("/api/v1/live/info");
  });

  it("uses the global fetch of the moment of the call (an interceptor installed after the client was made sees it)", async () => {
    const made = client();
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return original(input, init);
    };
    try {
      await made.live.getInfo(liveParams);
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain("/live/info?");
    expect(server.requests).toHaveLength(1);
  });

  it("encodes UTF-8 credentials", async () => {
    await client({ username: "jürgen", password: "pä55" }).key.getInfo();
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from("jürgen:pä55").toString("base64")}`);
  });

  it("takes credentials from TIKHUB_USERNAME / TIKHUB_PASSWORD", async () => {
    process.env.TIKHUB_USERNAME = "env-user";
    process.env.TIKHUB_PASSWORD = "env-pass";
    try {
      await createTikHubClient({ baseUrl: server.url }).key.getInfo();
    } finally {
      delete process.env.TIKHUB_USERNAME;
      delete process.env.TIKHUB_PASSWORD;
    }
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from("env-user:env-pass").toString("base64")}`);
  });

  it("sends no Authorization header without credentials; the 401 becomes AuthenticationError", async () => {
    server.answer({ status: 401, body: { code: 401, msg: "A valid username/password is required.", data: null } });
    const error = await caught(createTikHubClient({ baseUrl: server.url }).key.getInfo());
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it("merges client and request headers, request options winning", async () => {
    await client({ headers: { "x-app": "a", "x-both": "client" } }).key.getInfo(undefined, { headers: { "x-both": "request" } });
    expect(server.requests[0].headers["x-app"]).toBe("a");
    expect(server.requests[0].headers["x-both"]).toBe("request");
  });

  it("keeps the raw openapi-fetch client reachable", async () => {
    server.answer(ok({ username: "demo-user" }));
    const { data, response } = await client().GET("/api/info");
    expect(response.status).toBe(200);
    // The raw 200 type is success | risk-control envelope; openapi-fetch drops the latter's `data: null` key.
    expect(data && "data" in data ? data.data : undefined).toEqual({ username: "demo-user" });
    expect(server.requests[0].headers.authorization).toMatch(/^Basic /);
  });
});

describe("bad input is caught before sending", () => {
  it("names a missing required parameter and sends nothing", async () => {
    const error = await caught(client().live.getInfo({ room_id: "1" } as never));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.name).toBe("InvalidRequestError");
    expect(error.message).toContain('"user_id"');
    expect(error.message).toContain("live.getInfo");
    expect(server.requests).toHaveLength(0);
  });

  it("rejects parameters that are not an object, and object-valued parameters", async () => {
    expect(await caught(client().key.getInfo("x" as never))).toBeInstanceOf(InvalidRequestError);
    const error = await caught(client().live.getInfo({ ...liveParams, extra: { a: 1 } } as never));
    expect(error.message).toContain('"extra"');
    expect(server.requests).toHaveLength(0);
  });

  it("rejects bad options at construction", () => {
    expect(() => createTikHubClient({ baseUrl: "ftp://x" })).toThrow(InvalidRequestError);
    expect(() => createTikHubClient({ maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => createTikHubClient({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});

describe("documented errors", () => {
  const cases = [
    [400, BadRequestError],
    [401, AuthenticationError],
    [428, SessionExpiredError],
  ] as const;
  for (const [status, ErrorClass] of cases) {
    it(`${status} → ${ErrorClass.name}, never retried`, async () => {
      server.answer({ status, body: { code: status, msg: `documented ${status}`, data: null } });
      const error = await caught(client().live.getInfo(liveParams));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(TikHubError);
      expect(error.name).toBe(ErrorClass.name);
      expect(error.status).toBe(status);
      expect(error.code).toBe(status);
      expect(error.msg).toBe(`documented ${status}`);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("HTML 502 gateway page → ServerError with status 502", async () => {
    server.answer({ status: 502, raw: "<html><body><h1>502 Bad Gateway</h1></body></html>" });
    const error = await caught(client({ maxRetries: 0 }).live.getInfo(liveParams));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.message).toContain("not a JSON envelope");
  });

  it("HTTP 200 with a non-zero code → ApiCodeError with code and msg, not retried", async () => {
    server.answer({ body: { code: 10001, msg: "Invalid room_id", data: null } });
    const error = await caught(client().live.getInfo(liveParams));
    expect(error).toBeInstanceOf(ApiCodeError);
    expect(error).toMatchObject({ name: "ApiCodeError", status: 200, code: 10001, msg: "Invalid room_id" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("retries", () => {
  it("429 with Retry-After in seconds: waits that long (never shortened by jitter), then succeeds", async () => {
    server.answer({ status: 429, headers: { "retry-after": "1" }, body: { code: 429, msg: "API Key Rate-Limit reached.", data: null } }, ok({ n: 2 }));
    const started = performance.now();
    expect(await client().key.getInfo()).toEqual({ n: 2 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(995);
    expect(server.requests).toHaveLength(2);
  });

  it("429 with Retry-After as an HTTP date", async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    server.answer({ status: 429, headers: { "retry-after": date }, body: { code: 429, msg: "limit", data: null } }, ok({ n: 2 }));
    const started = performance.now();
    expect(await client().key.getInfo()).toEqual({ n: 2 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it("429 with retry-after-ms", async () => {
    server.answer({ status: 429, headers: { "retry-after-ms": "20" }, body: { code: 429, msg: "limit", data: null } }, ok({ n: 2 }));
    expect(await client().key.getInfo()).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("429 asking for more than 60 s → RateLimitError at once with retryAfterMs", async () => {
    server.answer({ status: 429, headers: { "retry-after": "3600" }, body: { code: 429, msg: "API Key Rate-Limit reached.", data: null } });
    const error = (await caught(client().key.getInfo())) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain("API Key Rate-Limit reached.");
    expect(server.requests).toHaveLength(1);
  });

  it("5xx then success: retried with backoff", async () => {
    server.answer({ status: 503, body: { code: 500, msg: "Server error", data: null } }, ok({ n: 2 }));
    expect(await client().key.getInfo()).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("500 forever: 1 + maxRetries requests, then ServerError", async () => {
    server.answer({ status: 500, body: { code: 500, msg: "Server error", data: null } });
    const error = await caught(client().key.getInfo());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it("HTTP 200 with code 500 (upstream risk control) is retried", async () => {
    server.answer({ body: { code: 500, msg: "risk control", data: null } }, ok({ n: 2 }));
    expect(await client().key.getInfo()).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("request options override client options", async () => {
    server.answer({ status: 500, body: { code: 500, msg: "Server error", data: null } });
    await caught(client({ maxRetries: 0 }).key.getInfo(undefined, { maxRetries: 1 }));
    expect(server.requests).toHaveLength(2);
  });

  it("times out a slow attempt, with a fresh timer for the retry", async () => {
    server.answer({ delayMs: 400, body: { code: 0, msg: "success", data: { slow: true } } }, ok({ fast: true }));
    expect(await client({ timeoutMs: 150 }).key.getInfo()).toEqual({ fast: true });
    expect(server.requests).toHaveLength(2);
    server.answer({ delayMs: 400, body: { code: 0, msg: "success", data: {} } });
    const error = await caught(client({ timeoutMs: 100, maxRetries: 0 }).key.getInfo());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.name).toBe("TimeoutError");
  });

  it("an abort signal ends a Retry-After wait at once", async () => {
    server.answer({ status: 429, headers: { "retry-after": "30" }, body: { code: 429, msg: "limit", data: null } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await caught(client().key.getInfo(undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort signal ends a request in flight", async () => {
    server.answer({ delayMs: 5000, body: { code: 0, msg: "success", data: {} } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await caught(client().key.getInfo(undefined, { signal: controller.signal }))).toBeInstanceOf(AbortError);
  });

  it("connection refused → ConnectionError after the retries", async () => {
    const closed = await startLoopbackServer();
    const url = closed.url;
    await closed.close();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const error = await caught(createTikHubClient({ baseUrl: url, fetch: counting, maxRetries: 1 }).key.getInfo());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls).toBe(2);
  });
});

describe("lossless ids", () => {
  it("returns integers beyond 2^53 as exact strings, leaving the rest alone", async () => {
    server.answer({
      raw: '{"code":0,"msg":"success","data":{"id":7531095702089370381,"neg":-7531095702089370381,"ids":[7531095702089370381, 12],"small":42,"float":1.5,"exp":1e21,"safe":9007199254740991,"url":"https://x.test/7531095702089370381?a=:12345678901234567890","nested":{"room_id":6796815426174960646}}}',
      headers: { "content-type": "application/json" },
    });
    const data = (await client().key.getInfo()) as Record<string, unknown>;
    expect(data).toEqual({
      id: "7531095702089370381",
      neg: "-7531095702089370381",
      ids: ["7531095702089370381", 12],
      small: 42,
      float: 1.5,
      exp: 1e21,
      safe: 9007199254740991,
      url: "https://x.test/7531095702089370381?a=:12345678901234567890",
      nested: { room_id: "6796815426174960646" },
    });
  });
});

describe("big answers", () => {
  it("a 200 with a 9 MB string and 19-digit ids is read once, ids exact", async () => {
    const text = 'lorem 1234567890123456789 \\" ipsum '.repeat(260_000);
    server.answer({
      raw: JSON.stringify({ code: 0, msg: "success", data: { text, ids: [0] } }).replace("[0]", "[7531095702089370381,6796815426174960646]"),
      headers: { "content-type": "application/json" },
    });
    const data = (await client().key.getInfo()) as { text: string; ids: string[] };
    expect(data.ids).toEqual(["7531095702089370381", "6796815426174960646"]);
    expect(data.text).toBe(text);
    expect(data.text.length).toBeGreaterThan(9_000_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("secrets", () => {
  it("never puts credentials in an error message, stack, JSON or inspect output", async () => {
    server.answer({
      status: 401,
      headers: { authorization: `Basic ${Buffer.from(`demo-user:${SECRET}`).toString("base64")}` },
      body: { code: 401, msg: "bad", data: null },
    });
    const error = await caught(client().key.getInfo());
    const encoded = Buffer.from(`demo-user:${SECRET}`).toString("base64");
    const texts = [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encoded);
    }
    expect(error.headers?.authorization).toBe("[redacted]");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: "AuthenticationError", status: 401, code: 401, msg: "bad" });
  });
});
