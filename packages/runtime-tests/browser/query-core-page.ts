// A page as a frontend developer writes it with @tanstack/query-core and @tikhubapi/client/query,
// against a same-origin proxy (/api/tikhub → the mock, the proxy adding the credentials).
import { InfiniteQueryObserver, QueryClient, QueryObserver, type QueryObserverResult } from "@tanstack/query-core";
import { createTikHubClient, RateLimitError } from "@tikhubapi/client";
import { createTikHubQueries } from "@tikhubapi/client/query";
import { describe, FOLLOWED, HOST, ROOM, report } from "./shared.js";

/** Resolves with the observer's first result that satisfies `done` (subscribing starts the query). */
function until<R extends { status: string }>(
  observer: { subscribe(listener: (result: R) => void): () => void; getCurrentResult(): R },
  done: (result: R) => boolean,
): Promise<R> {
  return new Promise((resolve) => {
    const unsubscribe = observer.subscribe((result) => {
      if (!done(result)) return;
      unsubscribe();
      resolve(result);
    });
    const now = observer.getCurrentResult();
    if (done(now)) {
      unsubscribe();
      resolve(now);
    }
  });
}

async function run() {
  // A path: the page's origin is the base (a relative baseUrl is refused outside a page).
  const tikhub = createTikHubClient({ baseUrl: "/api/tikhub" });
  const queries = createTikHubQueries(tikhub);
  const queryClient = new QueryClient();

  const room = await queryClient.fetchQuery(queries.live.getInfo.queryOptions({ room_id: ROOM, user_id: HOST }));

  const infinite = new InfiniteQueryObserver(queryClient, queries.user.getFollowers.infiniteQueryOptions({ user_id: FOLLOWED }));
  let list = await until(infinite, (r) => r.status !== "pending");
  while (list.hasNextPage) list = await infinite.fetchNextPage();
  const uids = queries.user.getFollowers.items(list.data).map((follower) => follower.uid);

  // The mock's documented 429 (Retry-After: 30, past the helpers' 5 s cap): the error state at once.
  const limited = createTikHubQueries(createTikHubClient({ baseUrl: "/api/tikhub", headers: { prefer: "code=429" } }));
  const started = performance.now();
  const failed: QueryObserverResult = await until(new QueryObserver(queryClient, limited.key.getInfo.queryOptions()), (r) => r.status === "error");
  const elapsedMs = performance.now() - started;

  return {
    baseUrl: tikhub.baseUrl,
    origin: location.origin,
    queryKey: queries.live.getInfo.queryKey({ room_id: ROOM, user_id: HOST }),
    roomTitle: room.data.title,
    listStatus: list.status,
    pageParams: list.data?.pageParams,
    uids,
    rateLimit: {
      status: failed.status,
      failureCount: failed.failureCount,
      isRateLimitError: failed.error instanceof RateLimitError,
      error: describe(failed.error),
      elapsedMs,
    },
  };
}

run().then(report, (error) => report({ failed: describe(error) }));
