// One request path: resource methods, their pages and the raw GET all pass through `use()` middleware,
// once per logical call, with the retries beneath it.
import type { Middleware } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTikHubClient, TimeoutError } from "../src/index.js";
import { caught } from "./caught.js";
import { type LoopbackServer, ok, startLoopbackServer } from "./loopback-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const liveParams = { room_id: "7531095702089370381", user_id: "6796815426174960646" };
const client = (options: Parameters<typeof createTikHubClient>[0] = {}) =>
  createTikHubClient({ username: "u", password: "p", baseUrl: server.url, ...options });

/** Middleware that records what it sees. */
function recorder() {
  const seen: string[] = [];
  const middleware: Middleware = {
    onRequest: ({ request, schemaPath, params }) => void seen.push(`request ${request.method} ${schemaPath} ${JSON.stringify(params.query ?? {})}`),
    onResponse: ({ response, schemaPath }) => void seen.push(`response ${schemaPath} ${response.status}`),
    onError: ({ error, schemaPath }) => void seen.push(`error ${schemaPath} ${(error as Error).name}`),
  };
  return { seen, middleware };
}

describe("middleware sees every call of every method", () => {
  it("resource methods, raw GET and each page of .iterate()", async () => {
    const tikhub = client();
    const { seen, middleware } = recorder();
    tikhub.use(middleware);
    server.answer(ok({ room: 1 }));
    await tikhub.live.getInfo(liveParams);
    await tikhub.GET("/api/info");
    server.answer((request) => ok({ followers: [{ uid: "a" }], has_more: request.url.searchParams.has("offset") ? 0 : 1, min_time: 5 }));
    for await (const _ of tikhub.user.getFollowers.iterate({ user_id: "1" })) void _;
    expect(seen).toEqual([
      `request GET /live/info ${JSON.stringify(liveParams)}`,
      "response /live/info 200",
      "request GET /api/info {}",
      "response /api/info 200",
      'request GET /user/followers {"user_id":"1"}',
      "response /user/followers 200",
      'request GET /user/followers {"user_id":"1","offset":5}',
      "response /user/followers 200",
    ]);
  });

  it("sees each logical call once: the retries happen beneath it", async () => {
    const tikhub = client();
    const { seen, middleware } = recorder();
    tikhub.use(middleware);
    server.answer({ status: 503, body: { code: 503, msg: "busy", data: null } }, ok({ n: 2 }));
    expect(await tikhub.key.getInfo()).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);
    expect(seen).toEqual(["request GET /api/info {}", "response /api/info 200"]);

    seen.length = 0;
    server.answer({ hang: true });
    expect(await caught(tikhub.key.getInfo(undefined, { timeoutMs: 50, maxRetries: 1 }))).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(seen).toEqual(["request GET /api/info {}", "error /api/info TimeoutError"]);
  });

  it("a request changed in onRequest is what every attempt sends", async () => {
    const tikhub = client();
    tikhub.use({ onRequest: ({ request }) => new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-trace-id": "t-1" } }) });
    server.answer({ status: 500, body: { code: 500, msg: "oops", data: null } }, ok({}));
    await tikhub.key.getInfo();
    expect(server.requests.map((r) => r.headers["x-trace-id"])).toEqual(["t-1", "t-1"]);
    expect(server.requests[0].headers.authorization).toMatch(/^Basic /);
  });

  it("the caller's signal still aborts a call whose Request a middleware rebuilt", async () => {
    const tikhub = client();
    tikhub.use({ onRequest: ({ request }) => new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-rebuilt": "1" } }) });
    server.answer({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await caught(tikhub.key.getInfo(undefined, { signal: controller.signal }))).toMatchObject({ name: "AbortError" });
    expect(server.requests[0].headers["x-rebuilt"]).toBe("1");
  });

  it("onRequest may answer, onResponse may replace the answer, onError may recover", async () => {
    server.answer(ok({ from: "server" }));
    const cached = client();
    cached.use({ onRequest: () => Response.json({ code: 0, msg: "success", data: { from: "cache" } }) });
    expect(await cached.key.getInfo()).toEqual({ from: "cache" });
    expect(server.requests).toHaveLength(0);

    const replacing = client();
    replacing.use({ onResponse: () => Response.json({ code: 0, msg: "success", data: { id: 1 } }) });
    expect(await replacing.key.getInfo()).toEqual({ id: 1 });

    const recovering = client({ timeoutMs: 50, maxRetries: 0 });
    recovering.use({ onError: () => Response.json({ code: 0, msg: "success", data: { fallback: true } }) });
    server.answer({ hang: true });
    expect(await recovering.key.getInfo()).toEqual({ fallback: true });
  });

  it("a middleware's onResponse can read the body, and the method still gets its data", async () => {
    const tikhub = client();
    const bodies: unknown[] = [];
    tikhub.use({ onResponse: async ({ response }) => void bodies.push(await response.clone().json()) });
    server.answer(ok({ n: 1 }));
    expect(await tikhub.key.getInfo()).toEqual({ n: 1 });
    expect(bodies).toEqual([{ code: 0, msg: "success", data: { n: 1 } }]);
  });

  it("eject removes middleware; use refuses what is not middleware", async () => {
    const tikhub = client();
    const { seen, middleware } = recorder();
    tikhub.use(middleware);
    tikhub.eject(middleware);
    server.answer(ok({}));
    await tikhub.key.getInfo();
    expect(seen).toEqual([]);
    expect(() => tikhub.use({} as never)).toThrow(/Middleware must be an object/); // openapi-fetch's own check
  });
});

describe("raw GET on the same pipeline", () => {
  it("returns { data } or { error } with the response, retried like every method", async () => {
    server.answer({ status: 503, body: { code: 503, msg: "busy", data: null } }, ok({ id: 7 }));
    const { data, response } = await client().GET("/api/info");
    expect(response.status).toBe(200);
    expect(data).toEqual({ code: 0, msg: "success", data: { id: 7 } });
    expect(server.requests).toHaveLength(2);

    server.answer({ status: 400, body: { code: 400, msg: "bad", data: null } });
    const answer = await client().GET("/live/info", { params: { query: { room_id: "1", user_id: "2" } } });
    expect(answer.error).toEqual({ code: 400, msg: "bad", data: null });
    expect(answer.response.status).toBe(400);
    expect(server.requests[0].url.search).toBe("?room_id=1&user_id=2");
  });

  it("keeps 64-bit ids exact, in every parseAs: the body openapi-fetch reads has them quoted", async () => {
    const wire = '{"code":0,"msg":"success","data":{"id":7531095702089370381}}';
    const quoted = '{"code":0,"msg":"success","data":{"id":"7531095702089370381"}}';
    server.answer({ raw: wire, headers: { "content-type": "application/json" } });
    const { data } = await client().GET("/api/info");
    expect(data).toEqual({ code: 0, msg: "success", data: { id: "7531095702089370381" } });
    expect((await client().GET("/api/info", { parseAs: "text" })).data).toBe(quoted);
    expect(await (await client().GET("/api/info", { parseAs: "blob" })).data!.text()).toBe(quoted);
    expect(new TextDecoder().decode((await client().GET("/api/info", { parseAs: "arrayBuffer" })).data!)).toBe(quoted);
    const stream = (await client().GET("/api/info", { parseAs: "stream" })).data;
    expect(await new Response(stream).text()).toBe(quoted);
  });
});
