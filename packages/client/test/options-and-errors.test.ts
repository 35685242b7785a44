import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiCodeError,
  ConnectionError,
  createTikHubClient,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
  TikHubError,
  TimeoutError,
} from "../src/index.js";
import { caught } from "./caught.js";
import { type LoopbackServer, startLoopbackServer } from "./loopback-server.js";

const PASSWORD = "hunter2-Sekr3t";
const AUTHORIZATION = `Basic ${Buffer.from(`demo-user:${PASSWORD}`).toString("base64")}`;
const TOKEN = AUTHORIZATION.slice("Basic ".length);
const liveParams = { room_id: "7531095702089370381", user_id: "6796815426174960646" };

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => server.answer({ body: { code: 0, msg: "success", data: {} } }));

const client = (options: Parameters<typeof createTikHubClient>[0] = {}) =>
  createTikHubClient({ username: "demo-user", password: PASSWORD, baseUrl: server.url, maxRetries: 0, ...options });

function thrown(fn: () => unknown): TikHubError {
  try {
    fn();
  } catch (error) {
    return error as TikHubError;
  }
  throw new Error("expected a throw");
}

/** Every way an error reaches a log or a screen. */
const textsOf = (error: unknown) => [
  (error as Error).message,
  String((error as Error).stack),
  JSON.stringify(error),
  inspect(error, { depth: 10, showHidden: true }),
];

describe("options are checked at creation and per call", () => {
  const badTimeouts = [0, -1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 31, "100", null, true];
  const badRetries = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2", null];

  it.each(badTimeouts.map((v) => [String(v), v]))(
    "timeoutMs %s → InvalidRequestError naming timeoutMs, at creation and per call (nothing sent)",
    async (_, value) => {
      const atCreation = thrown(() => createTikHubClient({ timeoutMs: value as number }));
      expect(atCreation).toBeInstanceOf(InvalidRequestError);
      expect(atCreation.message).toMatch(/^Option timeoutMs must be .*false for no timeout/);
      const perCall = await caught(client().key.getInfo(undefined, { timeoutMs: value as number }));
      expect(perCall).toBeInstanceOf(InvalidRequestError);
      expect(perCall.message).toContain("timeoutMs");
      expect(server.requests).toHaveLength(0);
    },
  );

  it.each(badRetries.map((v) => [String(v), v]))("maxRetries %s → InvalidRequestError naming maxRetries, at creation and per call", async (_, value) => {
    expect(thrown(() => createTikHubClient({ maxRetries: value as number })).message).toMatch(/^Option maxRetries must be a whole number ≥ 0/);
    const perCall = await caught(client().key.getInfo(undefined, { maxRetries: value as number }));
    expect(perCall).toBeInstanceOf(InvalidRequestError);
    expect(perCall.message).toContain("maxRetries");
    expect(server.requests).toHaveLength(0);
  });

  it("accepts the bounds: timeoutMs 1 and 2^31−1, false; maxRetries 0", async () => {
    expect(await client({ timeoutMs: 2 ** 31 - 1 }).key.getInfo()).toEqual({});
    expect(await client({ timeoutMs: false }).key.getInfo(undefined, { timeoutMs: 2 ** 31 - 1, maxRetries: 0 })).toEqual({});
    expect(() => createTikHubClient({ timeoutMs: 1, maxRetries: 0 })).not.toThrow();
  });

  it("rejects a signal that is not an AbortSignal and headers that are not an object", async () => {
    expect((await caught(client().key.getInfo(undefined, { signal: "stop" as never }))).message).toContain("signal");
    expect((await caught(client().key.getInfo(undefined, { headers: "x" as never }))).message).toContain("headers");
    expect(thrown(() => createTikHubClient({ fetch: 42 as never })).message).toContain("fetch");
  });

  it("rejects client headers that are not an object, as a call's are (not silently dropped)", () => {
    for (const headers of ["x", null, 42]) {
      const error = thrown(() => createTikHubClient({ headers: headers as never }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toBe("Option headers must be an object");
    }
  });

  it("a baseUrl with user info → InvalidRequestError without the password, pointing to username/password", () => {
    for (const baseUrl of [`http://bob:${PASSWORD}@127.0.0.1:1`, `https://bob:${PASSWORD}@api.example.test/api/v1`, `ftp://bob:${PASSWORD}@host`]) {
      const error = thrown(() => createTikHubClient({ baseUrl }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toMatch(/baseUrl.*username and password options/);
      for (const text of textsOf(error)) expect(text).not.toContain(PASSWORD);
    }
  });

  it("other bad base URLs are named without being echoed", () => {
    expect(thrown(() => createTikHubClient({ baseUrl: "not a url" })).message).toBe("Option baseUrl must be an absolute http(s) URL");
    // A path is a base URL only in a web page (it resolves against the page); here there is no page.
    expect(thrown(() => createTikHubClient({ baseUrl: "/api/tikhub" })).message).toBe("Option baseUrl must be an absolute http(s) URL");
    expect(thrown(() => createTikHubClient({ baseUrl: "ftp://host" })).message).toBe("Option baseUrl must be an absolute http(s) URL, got a ftp: URL");
  });
});

describe("secrets never show", () => {
  it("the server echoing the password and the Authorization value in msg, headers and body", async () => {
    for (const answer of [
      { status: 401, body: { code: 401, msg: `bad credentials ${PASSWORD} / ${AUTHORIZATION}`, data: null } },
      { status: 500, body: { code: 500, msg: `token ${TOKEN}`, data: null } },
      { status: 200, body: { code: 10001, msg: `password=${PASSWORD}`, data: null } },
      { status: 404, raw: `no such key ${TOKEN}`, headers: { "content-type": "text/plain" } },
    ]) {
      server.answer({
        ...answer,
        headers: { ...answer.headers, "x-echo-password": PASSWORD, "x-echo-auth": AUTHORIZATION, "www-authorization": AUTHORIZATION },
      });
      const error = await caught(client().live.getInfo(liveParams));
      expect(error).toBeInstanceOf(TikHubError);
      for (const text of textsOf(error)) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(TOKEN);
      }
      expect(error.message).toContain("[redacted]");
      expect(error.headers?.["x-echo-password"]).toBe("[redacted]");
    }
  });

  it("a per-call Authorization header is kept out too", async () => {
    const bearer = "Bearer per-call-secret-0123456789";
    server.answer({ status: 403, body: { code: 403, msg: `forbidden for ${bearer}`, data: null } });
    const error = await caught(client().key.getInfo(undefined, { headers: { Authorization: bearer } }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    for (const text of textsOf(error)) expect(text).not.toContain("per-call-secret-0123456789");
  });

  it("an Authorization header in the client's headers option is kept out too", async () => {
    const bearer = "Bearer client-level-secret-0123456789";
    server.answer({ status: 403, body: { code: 403, msg: `forbidden for ${bearer}`, data: null }, headers: { "x-echo-auth": bearer } });
    const tikhub = createTikHubClient({ baseUrl: server.url, maxRetries: 0, headers: { Authorization: bearer } });
    const error = await caught(tikhub.key.getInfo());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(server.requests.at(-1)?.headers.authorization).toBe(bearer);
    for (const text of textsOf(error)) expect(text).not.toContain("client-level-secret-0123456789");
  });

  it("connection errors carry no secret", async () => {
    const closed = await startLoopbackServer();
    const url = closed.url;
    await closed.close();
    const error = await caught(createTikHubClient({ username: "demo-user", password: PASSWORD, baseUrl: url, maxRetries: 0 }).key.getInfo());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^GET \/api\/info could not connect: fetch failed: ECONNREFUSED/);
    for (const text of textsOf(error)) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(TOKEN);
    }
  });
});

describe("errors say what happened", () => {
  it("404 → NotFoundError naming method, path, status and the server's explanation, not the query's values", async () => {
    server.answer({ status: 404, body: { code: 40401, msg: "Room not found", data: null } });
    const error = await caught(client().live.getInfo(liveParams));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(TikHubError);
    expect(error).toMatchObject({ name: "NotFoundError", status: 404, code: 40401, msg: "Room not found" });
    expect(error.message).toBe("GET /live/info answered HTTP 404 with code 40401: Room not found");
    expect(error.message).not.toContain(liveParams.room_id);
  });

  it("403 → PermissionDeniedError", async () => {
    server.answer({ status: 403, body: { code: 403, msg: "Your plan does not include this endpoint", data: null } });
    const error = await caught(client().live.getInfo(liveParams));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toBe("GET /live/info answered HTTP 403: Your plan does not include this endpoint");
  });

  it('no message ever says "undefined"', async () => {
    const answers = [
      { status: 404, raw: "" },
      { status: 404, body: {} },
      { status: 404, body: { code: null, msg: null } },
      { status: 404, raw: "404 page not found", headers: { "content-type": "text/plain" } },
      { status: 418, body: { type: "about:blank", title: "I'm a teapot", status: 418 }, headers: { "content-type": "application/problem+json" } },
      { status: 502, raw: "<html><body>Bad gateway</body></html>" },
      { status: 200, body: { code: 10001 } },
      { status: 200, body: [1, 2, 3] },
      { status: 200, raw: "" },
    ];
    const messages: string[] = [];
    for (const answer of answers) {
      server.answer(answer);
      const error = await caught(client().key.getInfo());
      expect(error).toBeInstanceOf(TikHubError);
      messages.push(error.message);
      for (const text of textsOf(error)) expect(text).not.toContain("undefined");
    }
    expect(messages).toEqual([
      "GET /api/info answered HTTP 404 (empty body)",
      "GET /api/info answered HTTP 404 (not a JSON envelope)",
      "GET /api/info answered HTTP 404",
      "GET /api/info answered HTTP 404 (not a JSON envelope): 404 page not found",
      "GET /api/info answered HTTP 418 (not a JSON envelope): I'm a teapot",
      "GET /api/info answered HTTP 502 (not a JSON envelope)",
      "GET /api/info answered HTTP 200 with code 10001",
      "GET /api/info answered HTTP 200 (not a JSON envelope)",
      "GET /api/info answered HTTP 200 (empty body)",
    ]);
    server.answer({ hang: true });
    const timeout = await caught(client({ timeoutMs: 50 }).key.getInfo());
    expect(timeout).toBeInstanceOf(TimeoutError);
    for (const text of textsOf(timeout)) expect(text).not.toContain("undefined");
  });

  it.each([
    ["an array", "[1,2,3]"],
    ["a string", '"ok"'],
    ["a number", "42"],
    ["null", "null"],
  ])("a 200 whose JSON is %s is a ServerError, not a resolved undefined", async (_, raw) => {
    server.answer({ raw, headers: { "content-type": "application/json" } });
    const error = await caught(client().key.getInfo());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(200);
  });

  it("an HTTP 200 with a non-zero code is still an ApiCodeError", async () => {
    server.answer({ body: { code: 10001, msg: "Invalid room_id", data: null } });
    const error = await caught(client().live.getInfo(liveParams));
    expect(error).toBeInstanceOf(ApiCodeError);
    expect(error.message).toBe("GET /live/info answered HTTP 200 with code 10001: Invalid room_id");
  });
});
