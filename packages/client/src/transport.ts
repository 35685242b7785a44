import {
  ApiCodeError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TikHubError,
  type TikHubErrorFields,
  TimeoutError,
} from "./errors.js";
import { parseJson } from "./lossless-json.js";
import type { RequestOptions } from "./resource-types.js";
import { abortError, backoffMs, RETRY_AFTER_CAP_MS, retryAfterMs, sleep } from "./retry.js";

export interface TransportConfig {
  fetch: typeof fetch;
  headers: Record<string, string>;
  maxRetries: number;
  timeoutMs: number;
}

type Envelope = { code?: unknown; msg?: unknown; data?: unknown };
type ErrorClass = new (message: string, fields?: TikHubErrorFields) => TikHubError;

const BY_STATUS: Record<number, ErrorClass> = { 400: BadRequestError, 401: AuthenticationError, 428: SessionExpiredError, 429: RateLimitError };

/** GETs `url`, unwraps the `{code, msg, data}` envelope and returns `data`; retries what is worth retrying. */
export async function getData(config: TransportConfig, url: string, options: RequestOptions = {}): Promise<unknown> {
  const { maxRetries = config.maxRetries, timeoutMs = config.timeoutMs, signal } = options;
  const headers = options.headers ? { ...config.headers, ...options.headers } : config.headers;
  for (let retry = 0; ; retry++) {
    let error: TikHubError;
    try {
      return (await attempt(config.fetch, url, headers, timeoutMs, signal)).data;
    } catch (thrown) {
      if (!(thrown instanceof TikHubError)) throw thrown;
      error = thrown;
    }
    const retryable =
      error instanceof ConnectionError || error instanceof TimeoutError || error instanceof RateLimitError || error instanceof ServerError || (error instanceof ApiCodeError && error.code === 500);
    const wait = (error as RateLimitError).retryAfterMs ?? backoffMs(retry);
    if (retry >= maxRetries || !retryable || wait > RETRY_AFTER_CAP_MS) throw error;
    await sleep(wait, signal);
  }
}

async function attempt(fetchImpl: typeof fetch, url: string, headers: Record<string, string>, timeoutMs: number, signal?: AbortSignal): Promise<Envelope> {
  if (signal?.aborted) throw abortError(signal);
  let response!: Response;
  // Dispatch first: the timer and the abort listener are then set up while the request is on the wire.
  const work = (async () => {
    response = await fetchImpl(url, signal ? { headers, signal } : { headers });
    return response.text();
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  let text: string;
  try {
    // No AbortSignal of our own for the timeout: passing one to fetch costs every request ~5% on
    // loopback. A timed-out attempt finishes in the background and its answer is dropped (the
    // connection goes back to the pool; undici ends a hung one after its own timeouts).
    text = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`Request timed out after ${timeoutMs} ms`)), timeoutMs);
      if (signal) signal.addEventListener("abort", (onAbort = () => reject(abortError(signal))));
      work.then(resolve, (cause) => reject(signal?.aborted ? abortError(signal) : new ConnectionError(`Connection failed: ${cause?.message}`, { cause })));
    });
  } finally {
    clearTimeout(timer);
    if (onAbort) signal!.removeEventListener("abort", onAbort);
  }
  const status = response.status;
  let body: Envelope | undefined;
  try {
    body = parseJson(text) as Envelope;
    if (typeof body !== "object" || !body) body = undefined;
  } catch {}
  let ErrorClass: ErrorClass = BY_STATUS[status] ?? (status > 499 ? ServerError : TikHubError);
  if (status > 199 && status < 300) {
    if (!body) ErrorClass = ServerError;
    else if (body.code === 0 || body.code === undefined) return body;
    else ErrorClass = ApiCodeError;
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    responseHeaders[key] = /authorization/.test(key) ? "[redacted]" : value;
  });
  const msg = typeof body?.msg === "string" ? body.msg : undefined;
  const retryAfter = status === 429 ? retryAfterMs(response.headers) : undefined;
  throw new ErrorClass(`HTTP ${status}${body ? ` code ${String(body.code)}` : " (not a JSON envelope)"}${msg ? `: ${msg}` : ""}`, {
    status,
    code: typeof body?.code === "number" ? body.code : status,
    msg,
    headers: responseHeaders,
    requestId: responseHeaders["x-request-id"],
    retryAfterMs: retryAfter,
  });
}
