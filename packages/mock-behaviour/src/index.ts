/**
 * The mock's session behaviour, runtime-neutral: no `node:` imports, no Prism. Shared by the
 * Node mock (`startMock`, `tikhub-mock`) and any other front (e.g. MSW handlers), so that every
 * front pages, limits and fails exactly alike. Input: the bundled spec object (`openapi.json`) and a
 * plain request; output: plain decisions and answers.
 *
 * API (stable):
 *
 *   const behaviour = createMockBehaviour(spec, { latency, rateLimit, failRate, now?, random? });
 *   const decision = behaviour.decide({ method, path, query, headers });   // MockRequest
 *
 *   decision.delayMs                 wait this long before answering (latency scenario; 0 without)
 *   decision.kind === "answer"       answer `decision.answer` ({status, headers, body}) as is:
 *       reason "options"             204 + Allow (an OPTIONS that is not a CORS preflight)
 *       reason "method-not-allowed"  405 + Allow + envelope (a known path, a method it lacks)
 *       reason "unauthorized"        the documented 401 (Basic credentials missing/malformed/both empty)
 *       reason "rate-limited"        the documented 429 + Retry-After (whole seconds ≥ 1)
 *       reason "fail-rate"           the documented 500
 *   decision.kind === "serve"        answer from the spec (Prism, or your own engine):
 *       operation                    the SpecOperation, or undefined (unknown path: answer 404)
 *       code                         a status the caller chose (`Prefer: code=…` or `?__code=…`)
 *       example                      the named 200 example to answer (the page of a paged list, or
 *                                    `Prefer: example=…`); undefined → the first (default) example
 *
 *   Call decide() for every request except CORS preflights (OPTIONS with
 *   Access-Control-Request-Method), which the front answers itself. HEAD is decided as GET.
 *
 * Building blocks, also exported: buildPageIndex / pagedOperation / selectPage (cursor → example
 * name from `x-pagination` and the examples' own cursors), exampleAnswer (a documented answer as
 * plain data), methodNotAllowedAnswer / allowedMethods, checkCredentials, preferencesOf,
 * requestFromUrl, parseLatency / parseRateLimit / parseFailRate / normaliseScenarios (throw
 * ScenarioOptionError naming the flag), RateLimiter, findOperation / listOperations / resolveRef /
 * responseExamples, and readField (@tikhubapi/spec/runtime's, re-exported).
 */
import { allowedMethods, envelopeAnswer, exampleAnswer, methodNotAllowedAnswer, type PlainAnswer } from "./answers.js";
import { checkCredentials, requiresCredentials } from "./credentials.js";
import { buildPageIndex, type PageIndex, pagedOperation, selectPage } from "./paging.js";
import { type MockRequest, preferencesOf } from "./request.js";
import { drawLatency, type Latency, normaliseScenarios, RateLimiter } from "./scenarios.js";
import { findOperation, matchPath, type OpenApiSpec, type SpecOperation } from "./spec.js";

export interface MockBehaviourOptions {
  /** Delay every answer: ms, "MS", "MIN-MAX" or {minMs, maxMs}. */
  latency?: string | number | Latency;
  /** At most N requests per second per credential; beyond, the documented 429 with Retry-After. */
  rateLimit?: string | number;
  /** Share (0–1) of requests answered with the documented 500. */
  failRate?: string | number;
  /** Clock in ms (default Date.now). */
  now?: () => number;
  /** Chance in [0, 1) (default Math.random). */
  random?: () => number;
}

export type AnswerReason = "options" | "method-not-allowed" | "unauthorized" | "rate-limited" | "fail-rate";

export type Decision =
  | { kind: "answer"; reason: AnswerReason; answer: PlainAnswer; delayMs: number }
  | { kind: "serve"; operation: SpecOperation | undefined; code?: number; example?: string; delayMs: number };

export interface MockBehaviour {
  decide(request: MockRequest): Decision;
  /** The paged operations and their pages, as read from the spec. */
  readonly pages: PageIndex;
}

export function createMockBehaviour(spec: OpenApiSpec, options: MockBehaviourOptions = {}): MockBehaviour {
  const scenarios = normaliseScenarios(options);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const limiter = scenarios.rateLimit !== undefined ? new RateLimiter(scenarios.rateLimit, now) : undefined;
  const pages = buildPageIndex(spec);

  const documented = (operation: SpecOperation, status: number, fallback: string, headers: Record<string, string> = {}): PlainAnswer => {
    const answer = exampleAnswer(spec, operation, status) ?? envelopeAnswer(status, fallback);
    return { ...answer, headers: { ...answer.headers, ...headers } };
  };

  function decide(request: MockRequest): Decision {
    const delayMs = drawLatency(scenarios.latency, random);
    const method = request.method.toUpperCase();
    const template = matchPath(spec, request.path);
    if (template) {
      const allowed = allowedMethods(spec, template);
      if (method === "OPTIONS")
        return { kind: "answer", reason: "options", answer: { status: 204, headers: { allow: allowed.join(", ") }, body: null }, delayMs };
      if (!allowed.includes(method)) return { kind: "answer", reason: "method-not-allowed", answer: methodNotAllowedAnswer(method, allowed), delayMs };
    }
    const operation = template ? findOperation(spec, method === "HEAD" ? "get" : method, request.path) : undefined;
    if (!operation) return { kind: "serve", operation: undefined, delayMs };

    let credential = "";
    if (requiresCredentials(spec, operation)) {
      const check = checkCredentials(request);
      if (!check.ok) return { kind: "answer", reason: "unauthorized", answer: documented(operation, 401, "A valid username/password is required."), delayMs };
      credential = check.credential;
    }
    if (limiter) {
      const limit = limiter.take(credential);
      if (limit.limited) {
        return {
          kind: "answer",
          reason: "rate-limited",
          answer: documented(operation, 429, "API Key Rate-Limit reached.", { "retry-after": String(limit.retryAfterSeconds) }),
          delayMs,
        };
      }
    }
    if (scenarios.failRate !== undefined && scenarios.failRate > 0 && random() < scenarios.failRate) {
      return { kind: "answer", reason: "fail-rate", answer: documented(operation, 500, "Server error"), delayMs };
    }
    const preferences = preferencesOf(request);
    if (preferences.code !== undefined && preferences.code !== 200) return { kind: "serve", operation, code: preferences.code, delayMs };
    const paged = pagedOperation(pages, operation.method, operation.path);
    const example = preferences.example ?? (paged ? selectPage(paged, request) : undefined);
    return {
      kind: "serve",
      operation,
      ...(preferences.code !== undefined ? { code: preferences.code } : {}),
      ...(example !== undefined ? { example } : {}),
      delayMs,
    };
  }

  return { decide, pages };
}

/** The shared paging field reader (@tikhubapi/spec/runtime), re-exported for the core's users. */
export { readField } from "@tikhubapi/spec/runtime";
export type { PlainAnswer } from "./answers.js";
export { allowedMethods, envelopeAnswer, exampleAnswer, methodNotAllowedAnswer } from "./answers.js";
export { type CredentialCheck, checkCredentials, requiresCredentials } from "./credentials.js";
export { buildPageIndex, type PagedOperation, type PageIndex, type Pagination, pagedOperation, selectPage } from "./paging.js";
export { headerOf, type MockRequest, preferencesOf, queryOf, requestFromUrl } from "./request.js";
export {
  drawLatency,
  type Latency,
  normaliseScenarios,
  parseFailRate,
  parseLatency,
  parseRateLimit,
  type RateLimitDecision,
  RateLimiter,
  ScenarioOptionError,
  type ScenarioOptions,
} from "./scenarios.js";
export {
  findOperation,
  type Json,
  type JsonObject,
  listOperations,
  matchPath,
  type OpenApiSpec,
  resolveRef,
  responseExamples,
  type SpecOperation,
} from "./spec.js";
