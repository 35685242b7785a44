import type { Data, OperationId, Params, ParamsArg } from "./resource-types.js";

/** A page cursor as TanStack Query keeps it: null before the first page when the parameters give none. */
export type PageParam = string | number | null;

/** `["tikhub", baseUrl, path, params]` (the path names the GET operation, as in openapi-react-query's keys): two clients (two base URLs) never share a cache entry. */
export type TikHubQueryKey<Op extends OperationId> = readonly ["tikhub", string, string, Params<Op> | Record<string, never>];

/** Plain TanStack Query v5 options (React, Vue, Solid, Svelte and query-core accept them). */
export interface TikHubQueryOptions<Op extends OperationId> {
  queryKey: TikHubQueryKey<Op>;
  queryFn: (context: { signal: AbortSignal }) => Promise<Data<Op>>;
  /** Retries only retryable errors, at most the helpers' maxRetries, and never a 429 that asks for more than retryAfterCapMs. */
  retry: (failureCount: number, error: Error) => boolean;
  /** The 429's Retry-After, else exponential backoff (0.5 s, 1 s, 2 s … ≤ 8 s). */
  retryDelay: (failureCount: number, error: Error) => number;
}

export interface TikHubInfiniteQueryOptions<Op extends OperationId> extends Omit<TikHubQueryOptions<Op>, "queryKey" | "queryFn"> {
  queryKey: readonly [...TikHubQueryKey<Op>, "infinite"];
  queryFn: (context: { signal: AbortSignal; pageParam: PageParam }) => Promise<Data<Op>>;
  initialPageParam: PageParam;
  /** From the spec's `x-pagination`: the next cursor (or page number), undefined at the end or on a cursor already requested. */
  getNextPageParam: (lastPage: Data<Op>, allPages: Data<Op>[], lastPageParam: PageParam, allPageParams: PageParam[]) => PageParam | undefined;
}

export interface QueryHelper<Op extends OperationId> {
  /** The query key of these parameters (for invalidateQueries, setQueryData …). */
  queryKey(...args: ParamsArg<Op>): TikHubQueryKey<Op>;
  /** Options for useQuery / fetchQuery; `options` (staleTime, enabled …) are spread on top. */
  queryOptions<O extends object = Record<never, never>>(...args: [...ParamsArg<Op>, options?: O]): TikHubQueryOptions<Op> & O;
}

export interface InfiniteQueryHelper<Op extends OperationId, Item> extends QueryHelper<Op> {
  /** Options for useInfiniteQuery / fetchInfiniteQuery: the pages chain by themselves. */
  infiniteQueryOptions<O extends object = Record<never, never>>(...args: [...ParamsArg<Op>, options?: O]): TikHubInfiniteQueryOptions<Op> & O;
  /** Every item of the pages an infinite query holds, in order. */
  items(data: { pages: readonly Data<Op>[] } | undefined): Item[];
}
