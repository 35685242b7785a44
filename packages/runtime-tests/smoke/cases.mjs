// The smoke cases, one source for every runtime. Plain ESM JavaScript with no imports: each launcher
// passes in the packed client's module and the two servers' URLs, and reports what this returns.
// A case only observes (names, values, counts); test/runtimes.test.ts asserts what must hold, so a
// failure names runtime × case. Nothing here may throw: an unexpected error becomes the case's result.

export const CASES = ["call", "rateLimit", "pagedWalk", "bigId", "timeoutAborts", "rawMiddleware"];

/** Ids used by the cases; the smoke server answers with them. */
export const BIG_ID = "7531095702089370381"; // > 2^53: JSON.parse would round it to 7531095702089370000
export const TIMEOUT_MS = 500;

const ROOM = "7531095702089370381";
const HOST = "6796815426174960646";

function describeError(error) {
  return { name: error?.name, message: String(error?.message ?? error), status: error?.status, retryAfterMs: error?.retryAfterMs };
}

const cases = {
  // A documented call against the mock: the client unwraps the envelope's `data`.
  async call({ mockClient }) {
    const data = await mockClient.live.getInfo({ room_id: ROOM, user_id: HOST });
    return { keys: Object.keys(data ?? {}), innerKeys: Object.keys(data?.data ?? {}).slice(0, 20) };
  },

  // The mock's documented 429 (Retry-After: 30) arrives as a RateLimitError, not retried.
  async rateLimit({ mockClient, clientModule }) {
    try {
      await mockClient.live.getInfo({ room_id: ROOM, user_id: HOST }, { headers: { Prefer: "code=429" }, maxRetries: 0 });
      return { name: "resolved" };
    } catch (error) {
      return {
        ...describeError(error),
        isTikHubError: error instanceof clientModule.TikHubError,
        isRateLimitError: error instanceof clientModule.RateLimitError,
      };
    }
  },

  // `.iterate()` walks the smoke server's pages (3 pages of 2 comments) to the end.
  async pagedWalk({ client }) {
    const texts = [];
    for await (const comment of client("paged").video.getComments.iterate({ video_id: "7560802497552567582" })) texts.push(comment.text);
    const pages = [];
    for await (const page of client("paged").video.getComments.pages({ video_id: "7560802497552567582" }))
      pages.push({ cursor: page.cursor, hasMore: page.has_more });
    return { texts, pages };
  },

  // A 19-digit integer sent as a bare JSON number comes back as a string with every digit.
  async bigId({ client }) {
    const data = await client("ids").live.getInfo({ room_id: ROOM, user_id: HOST });
    return { roomId: data.room_id, roomIdType: typeof data.room_id, small: data.user_count, smallType: typeof data.user_count, nestedId: data.owner?.id };
  },

  // The server never answers: the attempt ends with TimeoutError and the server sees its connection close.
  async timeoutAborts({ client, serverUrl, runtime }) {
    const started = Date.now();
    let error;
    try {
      await client(`hang/${runtime}`, { timeoutMs: TIMEOUT_MS, maxRetries: 0 }).live.getInfo({ room_id: ROOM, user_id: HOST });
    } catch (caught) {
      error = caught;
    }
    const elapsedMs = Date.now() - started;
    // Asked while this runtime is still alive: a socket left open would stay open until it exits.
    const seen = await (await fetch(`${serverUrl}/closed/${runtime}`)).json();
    return { ...(error ? describeError(error) : { name: "resolved" }), elapsedMs, server: seen };
  },

  // tikhub.raw (openapi-fetch's own client) with middleware: the raw call and a resource method each
  // pass the middleware once; the raw 200 is the success envelope by the exported guard.
  async rawMiddleware({ newMockClient, clientModule }) {
    const tikhub = newMockClient();
    const seen = [];
    tikhub.raw.use({
      onRequest: ({ request, schemaPath }) => void seen.push(`request ${request.method} ${schemaPath}`),
      onResponse: ({ response, schemaPath }) => void seen.push(`response ${schemaPath} ${response.status}`),
    });
    const { data, response } = await tikhub.raw.GET("/live/info", { params: { query: { room_id: ROOM, user_id: HOST } } });
    const key = await tikhub.key.getInfo();
    return {
      status: response.status,
      success: clientModule.isSuccess(data),
      keys: Object.keys(data?.data ?? {}),
      keyIsObject: typeof key === "object" && key !== null,
      seen,
    };
  },
};

function runtimeVersion() {
  const g = globalThis;
  if (g.Deno?.version) return `Deno ${g.Deno.version.deno}`;
  if (g.Bun?.version) return `Bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `Node ${g.process.version}`;
  return g.navigator?.userAgent ?? "unknown";
}

/**
 * Runs every case. `clientModule` is the packed @tikhubapi/client's module namespace; `mockUrl` a
 * running @tikhubapi/mock; `serverUrl` the smoke server (test/smoke-server.ts).
 */
export async function runSmoke(clientModule, { runtime, mockUrl, serverUrl }) {
  const { createTikHubClient } = clientModule;
  const auth = { username: "demo", password: "demo" };
  const newMockClient = () => createTikHubClient({ ...auth, baseUrl: mockUrl, maxRetries: 0 });
  const mockClient = newMockClient();
  const client = (prefix, options = {}) => createTikHubClient({ ...auth, baseUrl: `${serverUrl}/${prefix}`, maxRetries: 0, timeoutMs: 20_000, ...options });
  const results = {};
  for (const name of CASES) {
    try {
      results[name] = { ok: true, value: await cases[name]({ mockClient, newMockClient, clientModule, client, serverUrl, runtime }) };
    } catch (error) {
      results[name] = { ok: false, error: describeError(error) };
    }
  }
  return { runtime, version: runtimeVersion(), results };
}
