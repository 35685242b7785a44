// The mock's HTTP side: CORS, the shared behaviour (405, credentials, scenarios, paging), then Prism
// in-process, with a replay cache of Prism's answers. Request bodies are never read: the API is
// GET-only, so an upload gets its 405 at once and the connection is closed behind it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Decision, MockBehaviour } from "@tikhubapi/mock-behaviour";
import { headerOf, type MockRequest, type PlainAnswer, requestFromUrl } from "@tikhubapi/mock-behaviour";
import { corsHeaders, preflightHeaders } from "@tikhubapi/spec/runtime";
import type { EngineAnswer, EngineRequest, PrismEngine, Violation } from "./prism-engine.js";

export interface FrontOptions {
  engine: PrismEngine;
  /** Undefined in proxy mode: every request goes to the upstream as sent. */
  behaviour?: MockBehaviour;
  /** Replay Prism's answers to the same request (static examples only). */
  cache: boolean;
  dynamic?: boolean;
  /** Reports spec violations (proxy mode). */
  onViolation?: (line: string) => void;
  maxCacheEntries?: number;
}

const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

/** The one CORS policy of the Node mock and the MSW handlers (@tikhubapi/spec/runtime): the Origin echoed, credentials allowed. */
const cors = (req: IncomingMessage): Record<string, string> => corsHeaders(req.headers.origin, req.headers["access-control-request-headers"]);

function hasBody(req: IncomingMessage): boolean {
  return (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0") || req.headers["transfer-encoding"] !== undefined;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  if (res.destroyed) return;
  // An unread upload is not drained: the connection closes after this answer.
  if (hasBody(req) && !req.complete) headers = { ...headers, connection: "close" };
  res.writeHead(status, { ...cors(req), ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendPlain(req: IncomingMessage, res: ServerResponse, answer: PlainAnswer): void {
  const body = answer.body === null && answer.status === 204 ? "" : JSON.stringify(answer.body);
  send(req, res, answer.status, answer.headers, body);
}

/**
 * What Prism sees once the behaviour core has decided "serve": the core has already judged the
 * credentials (RFC 7617: a password may contain ':', which Prism itself refuses), so Prism gets a
 * fixed credential it accepts, the Accept header, and the status and example the core chose; no other
 * header reaches it (a `Prefer` header is already read into code/example). Its answer therefore
 * depends on nothing but this object.
 */
function decidedRequest(method: string, path: string, request: MockRequest, decision: Decision, dynamic: boolean): EngineRequest {
  const accept = headerOf(request, "accept");
  const code = decision.kind === "serve" ? decision.code : undefined;
  const example = decision.kind === "serve" && !dynamic ? decision.example : undefined;
  return {
    method: method === "HEAD" ? "GET" : method,
    path,
    query: request.query as Record<string, string | string[]>,
    headers: { authorization: ACCEPTED_BY_PRISM, ...(accept !== undefined ? { accept } : {}) },
    ...(code !== undefined ? { code } : {}),
    ...(example !== undefined ? { example } : {}),
  };
}

/** Proxy mode: the upstream judges, so the request goes as sent. */
function proxiedRequest(method: string, path: string, request: MockRequest, req: IncomingMessage): EngineRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return { method: method === "HEAD" ? "GET" : method, path, query: request.query as Record<string, string | string[]>, headers };
}

/** A Basic credential Prism's own check passes (exactly one colon), sent once the core has accepted the caller's. */
const ACCEPTED_BY_PRISM = `Basic ${btoa("tikhub-mock:accepted")}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFront(options: FrontOptions): Server {
  const cache = new Map<string, EngineAnswer>();
  const maxEntries = options.maxCacheEntries ?? 2000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const preflight = preflightHeaders(method, (name) => String(req.headers[name] ?? "") || undefined);
    if (preflight) return send(req, res, 204, preflight, "");
    const rawUrl = req.url ?? "/";
    const request = requestFromUrl(method, rawUrl, req.headers);
    const decision = options.behaviour?.decide(request);
    if (decision && decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision?.kind === "answer") return sendPlain(req, res, decision.answer);

    const queryAt = rawUrl.indexOf("?");
    const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const engineRequest = decision ? decidedRequest(method, path, request, decision, Boolean(options.dynamic)) : proxiedRequest(method, path, request, req);
    // The key is the whole request Prism answers (nothing else reaches it), so a replayed answer is
    // by construction the one Prism would give again.
    const key = options.cache && method === "GET" ? JSON.stringify(engineRequest) : undefined;
    let answer = key === undefined ? undefined : cache.get(key);
    const hit = answer !== undefined;
    if (!answer) {
      answer = await options.engine.answer(engineRequest);
      if (key !== undefined) {
        if (cache.size >= maxEntries) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(key, answer);
      }
    }
    const headers = { ...answer.headers, ...violationHeader(answer.violations) };
    if (key !== undefined) headers["x-tikhub-mock-cache"] = hit ? "hit" : "miss";
    if (!hit) for (const v of answer.violations) options.onViolation?.(`Violation: ${v.location.join(".")} ${v.message}`);
    send(req, res, answer.status, headers, answer.body);
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(
        req,
        res,
        500,
        { "content-type": "application/json" },
        JSON.stringify({ code: 500, msg: `tikhub-mock: internal error (${(error as Error).message})`, data: null }),
      );
    });
  });
}

function violationHeader(violations: Violation[]): Record<string, string> {
  if (violations.length === 0) return {};
  let value = JSON.stringify(violations);
  if (value.length > MAX_VIOLATIONS_HEADER) value = `Too many violations! ${value.slice(0, MAX_VIOLATIONS_HEADER)}`;
  return { "sl-violations": value };
}
