import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@tikhubapi/types";
import { InvalidRequestError } from "./errors.js";
import { OPERATIONS, type Resources } from "./generated/operations.js";
import { pages, iterate, type Pagination } from "./pagination.js";
import type { PageOptions, RequestOptions } from "./resource-types.js";
import { getData, type TransportConfig } from "./transport.js";

export const DEFAULT_BASE_URL = "https://api.tikhubapi.com/api/v1";

export interface TikHubClientOptions {
  /** Account username (default: the TIKHUB_USERNAME environment variable, where there is one). */
  username?: string;
  /** Account password (default: the TIKHUB_PASSWORD environment variable, where there is one). */
  password?: string;
  /** Default https://api.tikhubapi.com/api/v1; the mock: http://127.0.0.1:4010. */
  baseUrl?: string;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Timeout of each attempt in milliseconds (default 60000). */
  timeoutMs?: number;
  /** fetch implementation (default: the global fetch). */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** The resource methods, plus the raw openapi-fetch client (`GET`, `use` for middleware). */
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
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new InvalidRequestError(`Option baseUrl must be an http(s) URL, got "${baseUrl}"`);
  for (const name of ["maxRetries", "timeoutMs"] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== "number" || !(value >= 0))) throw new InvalidRequestError(`Option ${name} must be a number ≥ 0, got ${String(value)}`);
  }
  const fetchImpl = options.fetch;
  if (fetchImpl === undefined && typeof globalThis.fetch !== "function") throw new InvalidRequestError("No global fetch: pass options.fetch");
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (username !== undefined || password !== undefined) headers.authorization = basicAuth(username ?? "", password ?? "");
  const config: TransportConfig = {
    // The global fetch is looked up per call: an interceptor installed after the client was made
    // (MSW's `setupServer().listen()` in a test's beforeAll) still sees every request.
    fetch: fetchImpl ? (input, init) => fetchImpl(input, init) : (input, init) => globalThis.fetch(input, init),
    headers,
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
  };

  const raw = createClient<paths>({ baseUrl, fetch: config.fetch, headers });
  const client: Record<string, unknown> = { ...raw };
  for (const line of OPERATIONS.split("\n")) {
    const [namespace, name, path, required, cursorParam, nextCursor, hasMoreField, itemsField] = line.split(" ") as string[];
    const requiredParams = required === "-" ? [] : required.split(",");
    const operation = `${namespace}.${name}`;
    const url = baseUrl + path;
    const call = (params?: Params, requestOptions?: RequestOptions): Promise<unknown> => {
      try {
        return getData(config, url + queryString(operation, requiredParams, params), requestOptions);
      } catch (error) {
        return Promise.reject(error); // bad input rejects like any other error, never throws synchronously
      }
    };
    const method: Record<string, unknown> & typeof call = call as never;
    if (cursorParam) {
      const pagination: Pagination = { cursorParam, nextCursorField: nextCursor === "-" ? null : nextCursor, hasMoreField, itemsField };
      method.pages = (params: Params, opts?: PageOptions) => pages(call, pagination, params, opts);
      method.iterate = (params: Params, opts?: PageOptions) => iterate(call, pagination, params, opts);
    }
    ((client[namespace] ??= {}) as Record<string, unknown>)[name] = method;
  }
  return client as unknown as TikHubClient;
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
