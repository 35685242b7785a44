// @tikhubapi/client/query: TanStack Query v5 options for every operation, from the same operation
// table as the client. One retry layer: the client's own retries are off in these calls, and TanStack
// retries only what may succeed again, waiting what a 429 asks for, up to a cap.

import { nextCursor, pageItems } from "@tikhubapi/spec/runtime";
import type { TikHubClient } from "./client.js";
import { RateLimitError } from "./errors.js";
import { OPERATIONS, type QueryHelpers } from "./generated/operations.js";
import { checkCount } from "./options.js";
import type { PageParam } from "./query-types.js";
import type { RequestOptions } from "./resource-types.js";
import { backoffMs, isRetryable } from "./retry.js";

export interface TikHubQueryHelperOptions {
  /** Retries after the first attempt, by TanStack Query (default 2). */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for in a UI, in ms (default 5000): a 429 asking for more is the query's error at once. */
  retryAfterCapMs?: number;
}

type Params = Record<string, unknown> | undefined;
type Call = (params: Params, options: RequestOptions) => Promise<unknown>;

/** The query helpers of a client: `queries.live.getInfo.queryOptions(params)`, `queries.user.getFollowers.infiniteQueryOptions(params)`. */
export function createTikHubQueries(tikhub: TikHubClient, options: TikHubQueryHelperOptions = {}): QueryHelpers {
  const { maxRetries = 2, retryAfterCapMs = 5_000 } = options;
  checkCount("maxRetries", maxRetries);
  checkCount("retryAfterCapMs", retryAfterCapMs);
  const retry = (failureCount: number, error: Error) =>
    failureCount < maxRetries && isRetryable(error) && !(((error as RateLimitError).retryAfterMs ?? 0) > retryAfterCapMs);
  const retryDelay = (failureCount: number, error: Error) => (error instanceof RateLimitError ? error.retryAfterMs : undefined) ?? backoffMs(failureCount);
  const helpers: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const call = (tikhub as unknown as Record<string, Record<string, Call>>)[op.namespace][op.method];
    const queryKey = (params?: Params) => ["tikhub", tikhub.baseUrl, op.path, params ?? {}];
    const helper: Record<string, unknown> = {
      queryKey,
      queryOptions: (params?: Params, extra?: object) => ({
        queryKey: queryKey(params),
        queryFn: ({ signal }: { signal: AbortSignal }) => call(params, { signal, maxRetries: 0 }),
        retry,
        retryDelay,
        ...extra,
      }),
    };
    const p = op.pagination;
    if (p) {
      helper.infiniteQueryOptions = (params?: Params, extra?: object) => ({
        queryKey: [...queryKey(params), "infinite"],
        queryFn: ({ signal, pageParam }: { signal: AbortSignal; pageParam: PageParam }) =>
          call(pageParam == null ? params : { ...params, [p.cursorParam]: pageParam }, { signal, maxRetries: 0 }),
        initialPageParam: (params?.[p.cursorParam] as PageParam | undefined) ?? null,
        getNextPageParam: (lastPage: unknown, _pages: unknown[], lastPageParam: PageParam, allPageParams: PageParam[]) =>
          nextCursor(lastPage, p, lastPageParam ?? undefined, new Set(allPageParams.filter((c) => c != null).map(String))),
        retry,
        retryDelay,
        ...extra,
      });
      helper.items = (data?: { pages: readonly unknown[] }) => (data?.pages ?? []).flatMap((page) => pageItems(page, p));
    }
    helpers[op.namespace] = { ...helpers[op.namespace], [op.method]: helper };
  }
  return helpers as unknown as QueryHelpers;
}

export type { QueryHelpers } from "./generated/operations.js";
export type { InfiniteQueryHelper, PageParam, QueryHelper, TikHubInfiniteQueryOptions, TikHubQueryKey, TikHubQueryOptions } from "./query-types.js";
