// The fetch underneath `tikhub.raw` (openapi-fetch's createClient): everything openapi-fetch does —
// its URL and query serialisation, headers, middleware, parseAs — happens once per call around it,
// and inside it each call becomes attempts: a per-attempt AbortSignal that ends a timed-out attempt on
// the wire, retries with Retry-After or backoff, and a body whose unsafe integers are quoted before
// openapi-fetch (or anyone) parses it, so 64-bit ids stay exact.

import { type Hide, hider } from "./answer.js";
import { BufferedResponse } from "./buffered-response.js";
import { AbortError, ConnectionError, TikHubError, TimeoutError } from "./errors.js";
import { quoteLongIntegers } from "./lossless-json.js";
import { checkCount, checkTimeout } from "./options.js";
import { backoffMs, retryAfterMs, sleep } from "./retry.js";

export interface PipelineConfig {
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Absolute, without a trailing slash: error messages name the path after it. */
  baseUrl: string;
  maxRetries: number;
  /** false: no timeout. */
  timeoutMs: number | false;
  /** The longest Retry-After slept through; a longer one ends the call with its answer at once. */
  retryAfterCapMs: number;
  password?: string;
}

/** Per-call options. openapi-fetch copies the init keys a Request lacks onto the Request it makes, so they reach the pipeline. */
export interface CallOptions {
  maxRetries?: number;
  timeoutMs?: number | false;
  /**
   * Set by resource methods: the caller's signal, or null when there is none — then the Request's own
   * signal can never fire and the pipeline need not listen to it. Absent (a raw call, or a Request a
   * middleware rebuilt): the Request's signal is the caller's.
   */
  callerSignal?: AbortSignal | null;
}

const RISK_CONTROL = /"code"\s*:\s*500\b/;

export function createPipeline(config: PipelineConfig): (request: Request, init?: RequestInit) => Promise<Response> {
  return async (request, ext) => {
    // The client's own values were checked when it was made; a call's own, here.
    const { maxRetries = config.maxRetries, timeoutMs = config.timeoutMs } = request as Request & CallOptions;
    if (maxRetries !== config.maxRetries) checkCount("maxRetries", maxRetries);
    if (timeoutMs !== config.timeoutMs) checkTimeout(timeoutMs);
    const { callerSignal } = request as Request & CallOptions;
    const signal = callerSignal === undefined ? request.signal : (callerSignal ?? undefined);
    // Built only for an error message: the method and the path after the base URL, never the query.
    const call = () =>
      `${request.method} ${(request.url.startsWith(`${config.baseUrl}/`) ? request.url.slice(config.baseUrl.length) : new URL(request.url).pathname).split("?")[0]}`;
    const hide = () => hider(config.password, request.headers.get("authorization"));
    for (let retry = 0; ; retry++) {
      let answer: Response | undefined;
      let failure: TikHubError | undefined;
      let wait: number | undefined;
      try {
        const { response, text } = await attempt(config.fetch, request, signal, ext, timeoutMs, call, hide);
        answer = rebuilt(response, text);
        wait = retryWait(response, text, retry);
      } catch (error) {
        if (!(error instanceof TimeoutError || error instanceof ConnectionError)) throw error;
        failure = error;
        wait = backoffMs(retry);
      }
      if (wait === undefined || retry >= maxRetries || wait > config.retryAfterCapMs) {
        if (answer) return answer;
        throw failure;
      }
      await sleep(wait, signal, () => aborted(call, signal as AbortSignal));
    }
  };
}

/** The wait before another attempt, or undefined when this answer is final (a success, or an error that repeats). */
function retryWait(response: Response, text: string, retry: number): number | undefined {
  const { status } = response;
  if (status === 429) return retryAfterMs(response.headers) ?? backoffMs(retry);
  if (status > 499) return backoffMs(retry);
  if (status !== 200) return undefined;
  // A 200 that is not a JSON object (a gateway's page, nothing), or the upstream's risk control (code 500).
  if (text.charCodeAt(0) !== 123 && !/^\s*\{/.test(text)) return backoffMs(retry);
  if (text.includes("500") && RISK_CONTROL.test(text)) {
    try {
      if (JSON.parse(text).code === 500) return backoffMs(retry);
    } catch {}
  }
  return undefined;
}

/** The answer as openapi-fetch and middleware see it: the same status, headers and url, the body already read, long integers quoted. */
function rebuilt(response: Response, text: string): Response {
  const quoted = quoteLongIntegers(text);
  if (quoted === text) return new BufferedResponse(text, response);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new BufferedResponse(quoted, { status: response.status, statusText: response.statusText, headers, url: response.url });
}

const aborted = (call: () => string, signal: AbortSignal) => new AbortError(`${call()} was aborted`, { cause: signal.reason });

/**
 * One attempt, its body read included. Its own AbortSignal ends it on the wire when `timeoutMs`
 * passes or the caller's signal fires (an AbortController rather than AbortSignal.timeout/any, which
 * older runtimes lack); the attempt rejects at that moment even if a custom fetch ignores signals.
 */
function attempt(
  fetch: PipelineConfig["fetch"],
  request: Request,
  signal: AbortSignal | undefined,
  ext: RequestInit | undefined,
  timeoutMs: number | false,
  call: () => string,
  hide: () => Hide,
): Promise<{ response: Response; text: string }> {
  if (signal?.aborted) return Promise.reject(aborted(call, signal));
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (error: TikHubError) => {
      settle();
      reject(error);
      controller.abort();
    };
    const onAbort = () => fail(aborted(call, signal as AbortSignal));
    if (timeoutMs) timer = setTimeout(() => fail(new TimeoutError(`${call()} timed out after ${timeoutMs} ms`)), timeoutMs);
    signal?.addEventListener("abort", onAbort);
    fetch(request, ext ? { ...ext, signal: controller.signal } : { signal: controller.signal })
      .then((response) =>
        response.text().then((text) => {
          settle();
          resolve({ response, text });
        }),
      )
      .catch((cause) => fail(connectionError(call(), cause, hide())));
  });
}

function connectionError(call: string, cause: unknown, hide: Hide): TikHubError {
  if (cause instanceof TikHubError) return cause; // a fetch of your own that throws the client's errors
  const error = cause as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
  const detail = [error?.message, error?.cause?.code ?? error?.cause?.message].filter((part) => typeof part === "string" && part).join(": ");
  const message = `${call} could not connect${detail ? `: ${hide(detail)}` : ""}`;
  // The cause stays attached unless its text holds a secret (a header value in a runtime's message).
  const leaks = [error?.message, (cause as Error)?.stack, error?.cause?.message].some((text) => typeof text === "string" && hide(text) !== text);
  return new ConnectionError(message, leaks ? {} : { cause });
}
