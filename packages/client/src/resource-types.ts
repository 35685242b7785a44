import type { components, operations } from "@tikhubapi/types";
import type { PageState, PageStep } from "./pagination.js";

/** Options of one call; each overrides the client's option of the same name. */
export interface RequestOptions {
  /** Retries after the first attempt (default: the client's, 2). */
  maxRetries?: number;
  /** Timeout of each attempt in milliseconds, 1 to 2^31−1, or false for none (default: the client's, 60000). */
  timeoutMs?: number | false;
  /** Aborts the call: the attempt in flight (on the wire) and any wait between retries. */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options of `.pages()`, `.iterate()` and `.walk()`. */
export interface PageOptions extends RequestOptions {
  /** At most this many requests (pages) in this call. */
  maxPages?: number;
  /** Continue a walk where it stopped: the `state` of the last step `.walk()` yielded (saved as JSON). */
  from?: PageState;
}

export type OperationId = keyof operations;

type QueryOf<Op extends OperationId> = operations[Op]["parameters"]["query"];

/** The query parameters of an operation, required ones required. */
export type Params<Op extends OperationId> = NonNullable<QueryOf<Op>>;

/** The parameters argument: optional when the operation has no required parameter. */
export type ParamsArg<Op extends OperationId> = [Params<Op>] extends [never]
  ? [params?: Record<string, never>]
  : Record<string, never> extends Params<Op>
    ? [params?: Params<Op>]
    : [params: Params<Op>];

type Body200<Op extends OperationId> = operations[Op]["responses"] extends { 200: { content: { "application/json": infer B } } } ? B : never;

/** The 200 body minus the risk-control envelope (`code` ≠ 0, `data` null), which the client throws as ApiCodeError. */
type SuccessBody<Op extends OperationId> = Exclude<Body200<Op>, components["schemas"]["RiskControlEnvelope"]>;

/** The envelope's `data` of an operation's 200 answer. */
export type Data<Op extends OperationId> = SuccessBody<Op> extends { data: infer D } ? D : never;

export type Method<Op extends OperationId> = (...args: [...ParamsArg<Op>, options?: RequestOptions]) => Promise<Data<Op>>;

export type PagedMethod<Op extends OperationId, Item> = Method<Op> & {
  /** Every page's `data`, feeding each page's cursor into the next request. */
  pages(...args: [...ParamsArg<Op>, options?: PageOptions]): AsyncIterable<Data<Op>>;
  /** Every item of every page. */
  iterate(...args: [...ParamsArg<Op>, options?: PageOptions]): AsyncIterable<Item>;
  /** Every page with its items, the list's total (where pages give it) and the walk's state after it, to save and resume from. */
  walk(...args: [...ParamsArg<Op>, options?: PageOptions]): AsyncIterable<PageStep<Data<Op>, Item>>;
};
