import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "@tikhubapi/types";
import { InvalidRequestError } from "./errors.js";
import { OPERATIONS, type Resources } from "./generated/operations.js";
import { checkBaseUrl, checkRetries, checkTimeout } from "./options.js";
import { iterate, pages, walk, type Pagination } from "./pagination.js";
import type { PageOptions, RequestOptions } from "./resource-types.js";
import { parseJson } from "./lossless-json.js";
import { send, type TransportConfig } from "./transport.js";

export const DEFAULT_BASE_URL = "https://api.tikhubapi.com/api/v1";

export interface TikHubClientOptions {
  /** Account username (default: the TIKHUB_USERNAME environment variable, where there is one). */
  username?: string;
  /** Account password (default: the TIKHUB_PASSWORD environment variable, where there is one). */
  password?: string;
  /** Default https://api.tikhubapi.com/api/v1; the mock: http://127.0.0.1:4010. No user info: pass username and password. */
  baseUrl?: string;
  /** Retries after the first attempt: an integer ≥ 0 (default 2). */
  maxRetries?: number;
  /** Timeout of each attempt in milliseconds, 1 to 2^31−1, or false for none (default 60000). */
  timeoutMs?: number | false;
  /** fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/**
 * The resource methods, plus `GET` (openapi-fetch's raw call: `{ data, error, response }`, with the
 * client's retries and timeout) and `use`/`eject` for openapi-fetch middleware, which sees every call
 * of every method once, retries beneath it.
 */
export type TikHubClient = Resources & Pick<Client<paths>, "GET" | "use" | "eject">;

type Params = Record<string, unknown> | undefined;

function env(name: string): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
}

/** `Basic base64(username:password)`, UTF-8 safe (btoa alone takes Latin-1 only). */
function basicAuth(username: string, password: string): string {
  return `Basic ${btoa(unescape(encodeURIComponent(`${username}:${password}`)))}`;
}

export function createTikHubClient(options: TikHubClientOptions = {}): TikHubClient {
  const username = options.username ?? env("TIKHUB_USERNAME");
  const password = options.password ?? env("TIKHUB_PASSWORD");
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const { maxRetries = 2, timeoutMs = 60_000, fetch: fetchImpl } = options;
  checkRetries(maxRetries);
  checkTimeout(timeoutMs);
  if (typeof (fetchImpl ?? globalThis.fetch) !== "function") throw new InvalidRequestError("Option fetch must be a function (there is no global fetch here)");
  const headers = withHeaders({ accept: "application/json" }, options.headers);
  if (username !== undefined || password !== undefined) headers.authorization = basicAuth(username ?? "", password ?? "");
  const middleware: Middleware[] = [];
  // Without a fetch option the global fetch is looked up per call: an interceptor installed after the
  // client was made (MSW's `setupServer().listen()` in a test's beforeAll) still sees every request.
  const config: TransportConfig = { fetch: fetchImpl ? (input, init) => fetchImpl(input, init) : (input, init) => globalThis.fetch(input, init), baseUrl, maxRetries, timeoutMs, password, middleware };

  const client: Record<string, unknown> = {
    /** openapi-fetch's raw call, on the same pipeline as every method: `{ data }` or `{ error }` (the parsed body) with the `response`. */
    async GET(path: string, init: { params?: { query?: Params }; parseAs?: string } & RequestOptions = {}) {
      const { params, parseAs = "json", ...requestOptions } = init;
      if (parseAs !== "json" && parseAs !== "text") throw new InvalidRequestError(`GET ${path}: option parseAs must be "json" or "text"`);
      const callHeaders = withHeaders(headers, requestOptions.headers);
      const { response, text, result } = await send(config, { path, url: baseUrl + path + queryString(`GET ${path}`, [], params?.query), headers: callHeaders, query: params?.query, options: requestOptions });
      if (!response.ok) {
        try {
          return { error: parseJson(text), response };
        } catch {
          return { error: text, response };
        }
      }
      try {
        return { data: parseAs === "text" ? text : text ? parseJson(text) : undefined, response };
      } catch {
        throw (result as { error: unknown }).error;
      }
    },
    use(...added: Middleware[]) {
      for (const m of added) {
        if (Object(m) !== m || !(m.onRequest || m.onResponse || m.onError)) throw new InvalidRequestError("Middleware must be an object with onRequest, onResponse or onError");
        middleware.push(m);
      }
    },
    eject(...removed: Middleware[]) {
      for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
    },
  };
  for (const line of OPERATIONS.split("\n")) {
    const [namespace, name, path, required, cursorParam, nextCursor, hasMoreField, itemsField, totalField] = line.split(" ") as string[];
    const requiredParams = required === "-" ? [] : required.split(",");
    const operation = `${namespace}.${name}`;
    const call = async (params?: Params, requestOptions: RequestOptions = {}): Promise<unknown> => {
      const query = queryString(operation, requiredParams, params);
      const callHeaders = withHeaders(headers, requestOptions.headers);
      const { result } = await send(config, { path, url: baseUrl + path + query, headers: callHeaders, query: params, options: requestOptions });
      if ("error" in result) throw result.error;
      return result.data;
    };
    const method: Record<string, unknown> & typeof call = call as never;
    if (cursorParam) {
      const pagination: Pagination = { cursorParam, nextCursorField: nextCursor === "-" ? null : nextCursor, hasMoreField, itemsField, totalField };
      method.pages = (params: Params, opts?: PageOptions) => pages(call, pagination, params, opts);
      method.iterate = (params: Params, opts?: PageOptions) => iterate(call, pagination, params, opts);
      method.walk = (params: Params, opts?: PageOptions) => walk(call, pagination, params, opts);
    }
    ((client[namespace] ??= {}) as Record<string, unknown>)[name] = method;
  }
  return client as unknown as TikHubClient;
}

/** `base` with `extra` on top, names lower-cased so that one `Authorization` replaces the other. */
function withHeaders(base: Record<string, string>, extra: Record<string, string> | undefined): Record<string, string> {
  if (Object(extra) !== extra) return base;
  const out = { ...base };
  for (const name in extra) out[name.toLowerCase()] = extra[name];
  return out;
}

/** `?a=1&b=2` from the parameters, checking the required ones first: nothing is sent when one is missing. */
function queryString(operation: string, required: string[], params: Params): string {
  if (params !== undefined && (Object(params) !== params || Array.isArray(params))) throw new InvalidRequestError(`${operation}: parameters must be an object`);
  for (const name of required) {
    const value = params?.[name];
    if (value == null || value === "") throw new InvalidRequestError(`${operation}: missing required parameter "${name}"`);
  }
  let query = "";
  for (const key in params) {
    const value = params[key];
    if (value == null) continue;
    if (Object(value) === value) throw new InvalidRequestError(`${operation}: parameter "${key}" must be a string, number or boolean`);
    query += `${query ? "&" : "?"}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
  }
  return query;
}
