// tikhub.raw is openapi-fetch's own createClient<paths>(): its documented options work as documented,
// with the client's pipeline (auth, retries, per-attempt timeouts, exact ids) as its fetch.
import type { Middleware } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTikHubClient, isSuccess, TimeoutError } from "../src/index.js";
import { caught } from "./caught.js";
import { type LoopbackServer, ok, startLoopbackServer } from "./loopback-server.js";

let server: LoopbackServer;
let other: LoopbackServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startLoopbackServer(), startLoopbackServer()]);
});
afterAll(() => Promise.all([server.close(), other.close()]));

const client = (options: Parameters<typeof createTikHubClient>[0] = {}) =>
  createTikHubClient({ username: "u", password: "p", baseUrl: server.url, ...options });
const room = { room_id: "7531095702089370381", user_id: "6796815426174960646" };

describe("openapi-fetch's options on tikhub.raw", () => {
  it("per-call baseUrl: the call goes there, with the client's auth and retries", async () => {
    other.answer({ status: 503, body: { code: 503, msg: "busy", data: null } }, ok({ there: true }));
    server.answer(ok({ here: true }));
    const { data, response } = await client().raw.GET("/api/info", { baseUrl: `${other.url}/v2` });
    expect(response.status).toBe(200);
    expect(data).toEqual({ code: 0, msg: "success", data: { there: true } });
    expect(other.requests.map((r) => r.url.pathname)).toEqual(["/v2/api/info", "/v2/api/info"]);
    expect(other.requests[0].headers.authorization).toMatch(/^Basic /);
    expect(server.requests).toHaveLength(0);
  });

  it("openapi-fetch's client options pass through: a client-wide querySerializer and RequestInit default", async () => {
    server.answer(ok({}));
    const tikhub = client({ openapiFetch: { querySerializer: { allowReserved: true }, cache: "no-store" } });
    const seen: RequestCache[] = [];
    tikhub.use({ onRequest: ({ request }) => void seen.push(request.cache) });
    await tikhub.live.getInfo({ room_id: "a/b", user_id: "c:d" });
    expect(server.requests[0].url.search).toBe("?room_id=a/b&user_id=c:d");
    expect(seen).toEqual(["no-store"]);
  });

  it("per-call querySerializer", async () => {
    server.answer(ok({}));
    await client().raw.GET("/live/info", { params: { query: room }, querySerializer: (query) => `ids=${query.room_id}-${query.user_id}` });
    expect(server.requests[0].url.search).toBe(`?ids=${room.room_id}-${room.user_id}`);
  });

  it("per-call middleware runs beside the client's, once per call, retries beneath", async () => {
    const seen: string[] = [];
    const tikhub = client();
    tikhub.raw.use({ onRequest: () => void seen.push("client onRequest") });
    const perCall: Middleware = {
      onRequest: () => void seen.push("call onRequest"),
      onResponse: ({ response }) => void seen.push(`call onResponse ${response.status}`),
    };
    server.answer({ status: 500, body: { code: 500, msg: "oops", data: null } }, ok({}));
    await tikhub.raw.GET("/api/info", { middleware: [perCall] });
    expect(seen).toEqual(["client onRequest", "call onRequest", "call onResponse 200"]);
    expect(server.requests).toHaveLength(2);
  });

  it("per-call fetch replaces the fetch, as openapi-fetch documents (the client's headers stay on the Request)", async () => {
    server.answer(ok({}));
    const requests: Request[] = [];
    const { data } = await client().raw.GET("/api/info", {
      fetch: async (request) => {
        requests.push(request);
        return Response.json({ code: 0, msg: "success", data: { mine: true } });
      },
    });
    expect(data).toEqual({ code: 0, msg: "success", data: { mine: true } });
    expect(requests[0].headers.get("authorization")).toMatch(/^Basic /);
    expect(server.requests).toHaveLength(0);
  });

  it("RequestInit fields reach the wire: redirect: manual returns the 302", async () => {
    server.answer({ status: 302, headers: { location: "/elsewhere" }, raw: "" });
    const { response } = await client().raw.GET("/api/info", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it("timeoutMs and maxRetries per call, as extra init keys", async () => {
    server.answer({ hang: true });
    const error = await caught(client({ timeoutMs: false }).raw.GET("/api/info", { timeoutMs: 100, maxRetries: 1 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it("middleware returns are checked by openapi-fetch", async () => {
    const tikhub = client();
    tikhub.use({ onRequest: () => "not a request" as never });
    await expect(tikhub.raw.GET("/api/info")).rejects.toThrow(/onRequest: must return new Request\(\) or Response\(\)/);
  });

  it("onError recovery runs the onResponse chain, as openapi-fetch does, for resource methods too", async () => {
    const seen: string[] = [];
    const tikhub = client({ timeoutMs: 50, maxRetries: 0 });
    tikhub.use({ onResponse: ({ response }) => void seen.push(`onResponse ${response.status}`) });
    tikhub.use({
      onError: ({ error }) => {
        seen.push(`onError ${(error as Error).name}`);
        return Response.json({ code: 0, msg: "success", data: { fallback: true } });
      },
    });
    server.answer({ hang: true });
    expect(await tikhub.key.getInfo()).toEqual({ fallback: true });
    expect(seen).toEqual(["onError TimeoutError", "onResponse 200"]);
  });
});

describe("isSuccess", () => {
  it("tells the success envelope from the risk-control answer of a 200, narrowing the type", async () => {
    server.answer(ok({ user: { uid: "1" } }), { body: { code: 500, msg: "risk control", data: null } });
    const tikhub = client({ maxRetries: 0 });
    const first = await tikhub.raw.GET("/user/info", { params: { query: { unique_id: "a" } } });
    const second = await tikhub.raw.GET("/user/info", { params: { query: { unique_id: "a" } } });
    expect(isSuccess(first.data)).toBe(true);
    if (isSuccess(first.data)) expect(first.data.data).toEqual({ user: { uid: "1" } });
    expect(isSuccess(second.data)).toBe(false);
    expect(isSuccess(undefined)).toBe(false);
  });
});
