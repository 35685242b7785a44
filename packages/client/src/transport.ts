// The one request path: every resource method and the raw `GET` go through `send`. Middleware
// registered with `use()` sees each logical call once (onRequest before the first attempt, onResponse
// or onError after the last); the attempts, their timeouts and the retries happen beneath it.
import type { Middleware } from "openapi-fetch";
import { AbortError, ApiCodeError, ConnectionError, InvalidRequestError, RateLimitError, ServerError, TikHubError, TimeoutError } from "./errors.js";
import { answerError, type Hide, hider } from "./answer.js";
import { parseJson } from "./lossless-json.js";
import { checkRetries, checkTimeout } from "./options.js";
import type { RequestOptions } from "./resource-types.js";
import { backoffMs, RETRY_AFTER_CAP_MS, sleep } from "./retry.js";

export interface TransportConfig {
  fetch: typeof fetch;
  baseUrl: string;
  maxRetries: number;
  /** false: no timeout. */
  timeoutMs: number | false;
  password?: string;
  middleware: Middleware[];
}

/** One logical call. */
export interface Call {
  /** The operation's path, as the spec and error messages name it (no query). */
  path: string;
  url: string;
  headers: HeadersInit;
  /** The query parameters, as middleware sees them. */
  query?: Record<string, unknown>;
  options: RequestOptions;
}

export interface Answer {
  response: Response;
  text: string;
  /** The envelope's data, or the error this answer means. */
  result: { data: unknown } | { error: TikHubError };
}

/** Sends a call through middleware and retries; throws TikHubError when no answer came (timeout, connection, abort). */
export async function send(config: TransportConfig, call: Call): Promise<Answer> {
  const { maxRetries = config.maxRetries, timeoutMs = config.timeoutMs, signal, headers } = call.options;
  checkRetries(maxRetries);
  checkTimeout(timeoutMs);
  if (signal !== undefined && typeof signal?.addEventListener !== "function") throw new InvalidRequestError("Option signal must be an AbortSignal");
  if (headers !== undefined && Object(headers) !== headers) throw new InvalidRequestError("Option headers must be an object");
  const hide = () => hider(config.password, new Headers(call.headers).get("authorization"));
  const middleware = [...config.middleware]; // as registered when the call began
  if (!middleware.length) return retrying(config, call, undefined, maxRetries, timeoutMs, hide);
  let answer: Answer | undefined;
  let error: unknown;

  const context = {
    request: new Request(call.url, { headers: call.headers }),
    schemaPath: call.path,
    params: { query: call.query },
    options: { baseUrl: config.baseUrl, parseAs: "json", fetch: config.fetch } as never,
    id: Math.random().toString(36).slice(2, 11),
  };
  for (const m of middleware) {
    const result = await m.onRequest?.(context);
    if (result instanceof Response) {
      answer = await read(call, result, hide);
      break;
    }
    if (result instanceof Request) context.request = result;
  }
  if (!answer) {
    try {
      answer = await retrying(config, call, context.request, maxRetries, timeoutMs, hide);
    } catch (thrown) {
      error = thrown;
    }
  }
  // Like openapi-fetch: the last registered middleware sees the answer first.
  for (let i = middleware.length; i--; ) {
    const m = middleware[i];
    if (!answer) {
      const result = await m.onError?.({ ...context, error });
      if (result instanceof Response) answer = await read(call, result, hide);
      else if (result instanceof Error) error = result;
    } else if (m.onResponse) {
      const response = new Response(answer.text || null, answer.response);
      const result = await m.onResponse({ ...context, response });
      if (result instanceof Response && result !== response) answer = await read(call, result, hide);
    }
  }
  if (!answer) throw error;
  return answer;
}

async function read(call: Call, response: Response, hide: () => Hide): Promise<Answer> {
  const text = await response.text();
  return { response, text, result: judge(call, response, text, hide) };
}

async function retrying(config: TransportConfig, call: Call, request: Request | undefined, maxRetries: number, timeoutMs: number | false, hide: () => Hide): Promise<Answer> {
  const { signal } = call.options;
  for (let retry = 0; ; retry++) {
    let error: TikHubError;
    let answer: Answer | undefined;
    try {
      answer = await attempt(config, call, request, timeoutMs, hide);
      if (!("error" in answer.result)) return answer;
      error = answer.result.error;
    } catch (thrown) {
      if (!(thrown instanceof TikHubError)) throw thrown;
      error = thrown;
    }
    const retryable =
      error instanceof ConnectionError || error instanceof TimeoutError || error instanceof RateLimitError || error instanceof ServerError || (error instanceof ApiCodeError && error.code === 500);
    const wait = (error as RateLimitError).retryAfterMs ?? backoffMs(retry);
    if (retry >= maxRetries || !retryable || wait > RETRY_AFTER_CAP_MS) {
      if (answer) return answer;
      throw error;
    }
    await sleep(wait, signal, () => aborted(call, signal!));
  }
}

const aborted = (call: Call, signal: AbortSignal) => new AbortError(`GET ${call.path} was aborted`, { cause: signal.reason });

/**
 * One attempt, its body read included. Its own AbortSignal ends it on the wire when `timeoutMs`
 * passes or the caller's signal fires (an AbortController rather than AbortSignal.timeout/any, which
 * older runtimes lack); the attempt rejects at that moment even if a custom fetch ignores signals.
 */
function attempt(config: TransportConfig, call: Call, request: Request | undefined, timeoutMs: number | false, hide: () => Hide): Promise<Answer> {
  const { signal } = call.options;
  if (signal?.aborted) return Promise.reject(aborted(call, signal));
  const controller = timeoutMs || signal ? new AbortController() : undefined;
  const init = { headers: request ? undefined : call.headers, signal: controller?.signal };
  const work = (async () => read(call, await config.fetch(request ?? call.url, init), hide))();
  if (!controller) return work.catch((cause) => Promise.reject(connectionError(call, cause, hide())));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: () => void = () => {};
  return new Promise<Answer>((resolve, reject) => {
    const fail = (error: TikHubError) => {
      reject(error);
      controller.abort();
    };
    if (timeoutMs) timer = setTimeout(() => fail(new TimeoutError(`GET ${call.path} timed out after ${timeoutMs} ms`)), timeoutMs);
    if (signal) signal.addEventListener("abort", (onAbort = () => fail(aborted(call, signal))));
    work.then(resolve, (cause) => fail(connectionError(call, cause, hide())));
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  });
}

function connectionError(call: Call, cause: unknown, hide: Hide): TikHubError {
  if (cause instanceof TikHubError) return cause;
  const error = cause as { message?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
  const detail = [error?.message, error?.cause?.code ?? error?.cause?.message].filter((part) => typeof part === "string" && part).join(": ");
  const message = `GET ${call.path} could not connect${detail ? `: ${hide(detail)}` : ""}`;
  // The cause stays attached unless its text holds a secret (a header value in a runtime's message).
  const leaks = [error?.message, (cause as Error)?.stack, error?.cause?.message].some((text) => typeof text === "string" && hide(text) !== text);
  return new ConnectionError(message, leaks ? {} : { cause });
}

export function judge(call: Call, response: Response, text: string, hide: () => Hide): Answer["result"] {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {}
  const envelope = Object(body) === body && !Array.isArray(body) && ("code" in (body as object) || "data" in (body as object)) ? (body as { code?: unknown; data?: unknown }) : undefined;
  if (response.ok && envelope && (envelope.code === 0 || envelope.code === undefined)) return { data: envelope.data };
  return { error: answerError(`GET ${call.path}`, response, body, envelope !== undefined, text, hide()) };
}
