import { basicToken, DEFAULT_BASE_URL } from "@tikhubapi/spec/runtime";
import type { paths } from "@tikhubapi/types";
import createClient, { type Client, type ClientOptions, mergeHeaders } from "openapi-fetch";
import { hider } from "./answer.js";
import { BufferedResponse } from "./buffered-response.js";
import { unwrap } from "./envelope.js";
import { InvalidRequestError } from "./errors.js";
import { OPERATIONS, type Resources } from "./generated/operations.js";
import { checkBaseUrl, checkCount, checkHeaders, checkTimeout } from "./options.js";
import { iterate, pages, walk } from "./pagination.js";
import { createPipeline } from "./pipeline.js";
import type { PageOptions, RequestOptions } from "./resource-types.js";
import { RETRY_AFTER_CAP_MS } from "./retry.js";

export { DEFAULT_BASE_URL };

export interface TikHubClientOptions {
  /** Account username (default: the TIKHUB_USERNAME environment variable, where there is one). */
  username?: string;
  /** Account password (default: the TIKHUB_PASSWORD environment variable, where there is one). */
  password?: string;
  /** Default https://api.tikhubapi.com/api/v1; the mock: http://127.0.0.1:4010; in a web page also a path ("/api/tikhub"). No user info: pass username and password. */
  baseUrl?: string;
  /** Retries after the first attempt: an integer ≥ 0 (default 2). */
  maxRetries?: number;
  /** Timeout of each attempt in milliseconds, 1 to 2^31−1, or false for none (default 60000). */
  timeoutMs?: number | false;
  /** The longest Retry-After the client waits through before a retry, in ms (default 60000); a 429 asking for more throws RateLimitError at once. */
  retryAfterCapMs?: number;
  /** fetch implementation (default: the global fetch, looked up at each call). */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * openapi-fetch's own client options for `raw` (and so every call): `querySerializer`, `Request`,
   * `requestInitExt`, and RequestInit defaults such as `credentials` or `cache`. The base URL, headers
   * and fetch are the client's own options.
   */
  openapiFetch?: Omit<ClientOptions, "baseUrl" | "fetch" | "headers">;
}

/**
 * The resource methods; `raw`, a genuine openapi-fetch client on the same pipeline (auth, retries,
 * timeouts, exact ids), with `GET`, `use` and `eject` also at the top; and the resolved `baseUrl`.
 */
export type TikHubClient = Resources &
  Pick<Client<paths>, "GET" | "use" | "eject"> & {
    /** openapi-fetch's `createClient<paths>()`, whose fetch is the client's pipeline: every openapi-fetch option and tool works on it. */
    readonly raw: Client<paths>;
    /** The base URL every call goes to, absolute. */
    readonly baseUrl: string;
  };

type Params = Record<string, unknown> | undefined;

function env(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
}

export function createTikHubClient(options: TikHubClientOptions = {}): TikHubClient {
  const username = options.username ?? env("TIKHUB_USERNAME");
  const password = options.password ?? env("TIKHUB_PASSWORD");
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const { maxRetries = 2, timeoutMs = 60_000, retryAfterCapMs = RETRY_AFTER_CAP_MS, fetch: fetchImpl } = options;
  checkCount("maxRetries", maxRetries);
  checkCount("retryAfterCapMs", retryAfterCapMs);
  checkTimeout(timeoutMs);
  if (typeof (fetchImpl ?? globalThis.fetch) !== "function") throw new InvalidRequestError("Option fetch must be a function (there is no global fetch here)");
  checkHeaders(options.headers);
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  const authorization = username !== undefined || password !== undefined ? `Basic ${basicToken(username ?? "", password ?? "")}` : undefined;
  if (authorization) headers.authorization = authorization;
  // Without a fetch option the global fetch is looked up per call: an interceptor installed after the
  // client was made (MSW's `setupServer().listen()` in a test's beforeAll) still sees every request.
  const fetch = fetchImpl ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
  const raw = createClient<paths>({
    ...options.openapiFetch,
    baseUrl,
    headers,
    fetch: createPipeline({ fetch, baseUrl, maxRetries, timeoutMs, retryAfterCapMs, password }),
  });

  const client: Record<string, unknown> = { raw, baseUrl, GET: raw.GET, use: raw.use, eject: raw.eject };
  for (const op of OPERATIONS) {
    const operation = `${op.namespace}.${op.method}`;
    const call = async (params?: Params, requestOptions: RequestOptions = {}): Promise<unknown> => {
      checkParams(operation, op.required, params);
      const { signal, headers: callHeaders } = requestOptions;
      if (signal !== undefined && typeof signal?.addEventListener !== "function") throw new InvalidRequestError("Option signal must be an AbortSignal");
      checkHeaders(callHeaders);
      // parseAs "text": the pipeline's BufferedResponse hands over the text it read, no second read.
      const { data, error, response } = await raw.GET(
        op.path as never,
        { ...requestOptions, callerSignal: signal ?? null, params: { query: params }, parseAs: "text" } as never,
      );
      const quoted = BufferedResponse.textOf(response) !== undefined;
      const text: string = response.ok ? (data ?? "") : typeof error === "string" ? error : error === undefined ? "" : JSON.stringify(error);
      // The Authorization value sent: the client's headers under the call's, merged as openapi-fetch merges them.
      return unwrap(`GET ${op.path}`, response, text, quoted, () => hider(password, mergeHeaders(headers, callHeaders).get("authorization")));
    };
    const method: Record<string, unknown> & typeof call = call as never;
    const p = op.pagination;
    if (p) {
      method.pages = (params: Params, opts?: PageOptions) => pages(call, p, params, opts);
      method.iterate = (params: Params, opts?: PageOptions) => iterate(call, p, params, opts);
      method.walk = (params: Params, opts?: PageOptions) => walk(call, p, params, opts);
    }
    client[op.namespace] = { ...(client[op.namespace] as object), [op.method]: method };
  }
  return client as unknown as TikHubClient;
}

/** Checks the parameters before anything is sent: an object, every required one present and non-empty, no object values. */
function checkParams(operation: string, required: readonly string[] = [], params: Params): void {
  if (params !== undefined && (Object(params) !== params || Array.isArray(params))) throw new InvalidRequestError(`${operation}: parameters must be an object`);
  for (const name of required) {
    const value = params?.[name];
    if (value == null || value === "") throw new InvalidRequestError(`${operation}: missing required parameter "${name}"`);
  }
  for (const key in params) {
    if (Object(params[key]) === params[key]) throw new InvalidRequestError(`${operation}: parameter "${key}" must be a string, number or boolean`);
  }
}
