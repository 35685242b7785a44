// @tikhubapi/client/query with @tanstack/query-core's own QueryClient and observers, against a real
// server on 127.0.0.1: a query, an infinite list walked to its end, one retry layer and a 429 past the cap.
import { InfiniteQueryObserver, QueryClient, QueryObserver } from "@tanstack/query-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTikHubClient, RateLimitError, ServerError } from "../src/index.js";
import { createTikHubQueries } from "../src/query.js";
import { type LoopbackServer, ok, startLoopbackServer } from "./loopback-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const room = { room_id: "7531095702089370381", user_id: "6796815426174960646" };
const client = (options: Parameters<typeof createTikHubClient>[0] = {}) =>
  createTikHubClient({ username: "u", password: "p", baseUrl: server.url, ...options });

/** Resolves when the observer's result satisfies `done`. */
function until<R>(observer: { subscribe(listener: (result: R) => void): () => void; getCurrentResult(): R }, done: (result: R) => boolean): Promise<R> {
  return new Promise((resolve) => {
    if (done(observer.getCurrentResult())) return resolve(observer.getCurrentResult());
    const unsubscribe = observer.subscribe((result) => {
      if (!done(result)) return;
      unsubscribe();
      resolve(result);
    });
  });
}

describe("queryOptions", () => {
  it("fetches the envelope's data under a key of base URL, operation and params", async () => {
    server.answer(ok({ title: "live" }));
    const queries = createTikHubQueries(client());
    const options = queries.live.getInfo.queryOptions(room, { staleTime: 1000 });
    expect(options.queryKey).toEqual(["tikhub", server.url, "/live/info", room]);
    expect(options.staleTime).toBe(1000);
    const data = await new QueryClient().fetchQuery(options);
    expect(data).toEqual({ title: "live" });
    expect(queries.key.getInfo.queryKey()).toEqual(["tikhub", server.url, "/api/info", {}]);
    expect(createTikHubQueries(client({ baseUrl: `${server.url}/other` })).live.getInfo.queryKey(room)[1]).toBe(`${server.url}/other`);
  });

  it("one retry layer: the client's retries are off, TanStack retries a 503 twice", async () => {
    server.answer({ status: 503, body: { code: 503, msg: "busy", data: null } });
    const queries = createTikHubQueries(client({ maxRetries: 5 }), { maxRetries: 2 });
    const observer = new QueryObserver(new QueryClient(), queries.key.getInfo.queryOptions(undefined, { retryDelay: 10 }));
    const result = await until(observer, (r) => r.status === "error");
    expect(result.error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it("waits what a 429 asks within the cap; a 429 past the cap is the query's error at once", async () => {
    server.answer({ status: 429, headers: { "retry-after": "1" }, body: { code: 429, msg: "limit", data: null } }, ok({ n: 2 }));
    const queries = createTikHubQueries(client(), { retryAfterCapMs: 5_000 });
    const options = queries.key.getInfo.queryOptions();
    expect(options.retryDelay(0, new RateLimitError("x", { retryAfterMs: 1000 }))).toBe(1000);
    expect(await new QueryClient().fetchQuery(options)).toEqual({ n: 2 });
    expect(server.requests).toHaveLength(2);

    server.answer({ status: 429, headers: { "retry-after": "30" }, body: { code: 429, msg: "limit", data: null } });
    const started = performance.now();
    const observer = new QueryObserver(new QueryClient(), queries.key.getInfo.queryOptions());
    const result = await until(observer, (r) => r.status === "error");
    console.log(`a 429 with Retry-After: 30 reached the error state in ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.error).toBeInstanceOf(RateLimitError);
    expect((result.error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(result.failureCount).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe("infiniteQueryOptions", () => {
  it("walks a cursor list to its end with no duplicates, the next cursor from x-pagination", async () => {
    server.answer((request) => {
      const offset = Number(request.url.searchParams.get("offset") ?? "0");
      const page = offset === 0 ? 0 : offset === 100 ? 1 : 2;
      return ok({ followers: [{ uid: `${page}a` }, { uid: `${page}b` }], has_more: page < 2 ? 1 : 0, min_time: (page + 1) * 100 });
    });
    const queries = createTikHubQueries(client());
    const observer = new InfiniteQueryObserver(new QueryClient(), queries.user.getFollowers.infiniteQueryOptions({ user_id: "1" }));
    let result = await until(observer, (r) => r.status === "success");
    while (result.hasNextPage) result = await observer.fetchNextPage();
    const uids = queries.user.getFollowers.items(result.data).map((f) => f.uid);
    expect(uids).toEqual(["0a", "0b", "1a", "1b", "2a", "2b"]);
    expect(result.data?.pageParams).toEqual([null, 100, 200]);
    expect(server.requests.map((r) => r.url.searchParams.get("offset"))).toEqual([null, "100", "200"]);
  });

  it("stops at a repeated cursor, and counts pages on a page-numbered list", async () => {
    server.answer(ok({ followers: [{ uid: "same" }], has_more: 1, min_time: 7 }));
    const queries = createTikHubQueries(client());
    const options = queries.user.getFollowers.infiniteQueryOptions({ user_id: "1" });
    expect(options.getNextPageParam({ has_more: 1, min_time: 7 } as never, [], 7, [null, 7])).toBeUndefined();
    const numbered = queries.video.getTrending.infiniteQueryOptions();
    expect(numbered.initialPageParam).toBeNull();
    expect(numbered.getNextPageParam({ videos: [{}], pagination: { has_more: true } } as never, [], null, [null])).toBe(2);
    expect(numbered.queryKey).toEqual(["tikhub", server.url, "/video/trending", {}, "infinite"]);
  });
});
