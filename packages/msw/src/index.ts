// `@tikhubapi/msw`: MSW (2.x and 3.x) request handlers for every operation of the spec, answering as
// the Prism mock (@tikhubapi/mock) does: the shared behaviour core (@tikhubapi/mock-behaviour,
// bundled: credentials, rate limit, fail rate, latency, paging, 405) decides, and prism-answer.ts
// stands in for Prism, from the slim spec data generated at build. Runs wherever MSW runs (Node's
// setupServer, the browser's setupWorker): no Node APIs here.

import { createMockBehaviour, listOperations, type MockRequest, type OpenApiSpec, type PlainAnswer } from "@tikhubapi/mock-behaviour";
import { DEFAULT_BASE_URL, preflightHeaders } from "@tikhubapi/spec/runtime";
import { delay, type HttpHandler, HttpResponse, http } from "msw";
import { SLIM_SPEC } from "./generated/slim-spec.js";
import { prismAnswer } from "./prism-answer.js";

/** The real API's base URL (@tikhubapi/spec/runtime's), where the handlers answer by default. */
export { DEFAULT_BASE_URL };

/** A delay range in ms (min = max for a fixed delay). */
export interface Latency {
  minMs: number;
  maxMs: number;
}

export interface CreateHandlersOptions {
  /** Where the handlers answer (default the real API's https://api.tikhubapi.com/api/v1, so an unchanged client is intercepted). A path alone ("/api/v1") means the page's own origin. */
  baseUrl?: string;
  /** Delay every answer, as `tikhub-mock --latency`: ms, "MS", "MIN-MAX" or {minMs, maxMs}. */
  latency?: number | string | Latency;
  /** At most N requests per second per credential, as `--rate-limit`; beyond, the documented 429 with Retry-After. */
  rateLimit?: number | string;
  /** Share (0–1) of requests answered with the documented 500, as `--fail-rate`. */
  failRate?: number | string;
  /** Answer unknown paths under baseUrl with Prism's 404 (default true); false lets them through to other handlers. */
  catchAll?: boolean;
}

function toMockRequest(request: Request, basePath: string): MockRequest {
  const url = new URL(request.url);
  const query: MockRequest["query"] = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  const headers: MockRequest["headers"] = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  if (!path.startsWith("/")) path = `/${path}`;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape stays as sent, and matches no path
  }
  return { method: request.method, path, query, headers };
}

function toResponse(answer: PlainAnswer, method: string): Response {
  const body = method === "HEAD" || answer.body === null || answer.status === 204 ? null : JSON.stringify(answer.body);
  return new HttpResponse(body, { status: answer.status, headers: answer.headers });
}

/**
 * MSW handlers for all the spec's operations. Each call has its own session (rate-limit windows),
 * so create them per test file or per test, and override one answer with MSW's `server.use()`.
 */
export function createHandlers(options: CreateHandlersOptions = {}): HttpHandler[] {
  const spec: OpenApiSpec = SLIM_SPEC;
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const basePath = new URL(baseUrl, "http://base.invalid").pathname.replace(/\/+$/, "");
  const behaviour = createMockBehaviour(spec, {
    ...(options.latency !== undefined ? { latency: options.latency } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.failRate !== undefined ? { failRate: options.failRate } : {}),
  });

  const resolve = async ({ request }: { request: Request }): Promise<Response> => {
    const method = request.method.toUpperCase();
    // A CORS preflight gets the one policy the Node mock uses too (@tikhubapi/spec/runtime).
    const preflight = preflightHeaders(method, (name) => request.headers.get(name));
    if (preflight) return new HttpResponse(null, { status: 204, headers: preflight });
    const mockRequest = toMockRequest(request, basePath);
    const decision = behaviour.decide(mockRequest);
    const answer = decision.kind === "answer" ? decision.answer : prismAnswer(spec, decision, mockRequest);
    if (decision.delayMs > 0) await delay(decision.delayMs);
    return toResponse(answer, method);
  };

  const paths = [...new Set(listOperations(spec).map((operation) => operation.path))];
  const handlers = paths.map((path) => http.all(`${baseUrl}${path.replace(/\{([^}]+)\}/g, ":$1")}`, resolve));
  if (options.catchAll !== false) handlers.push(http.all(`${baseUrl}/*`, resolve));
  return handlers;
}
