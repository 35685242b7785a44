import { ApiCodeError, ConnectionError, RateLimitError, ServerError, type TikHubError, TimeoutError } from "./errors.js";

/** Longest server-requested wait the client sleeps through by default; beyond it, it throws at once. */
export const RETRY_AFTER_CAP_MS = 60_000;
const BACKOFF_START_MS = 500;
const BACKOFF_CAP_MS = 8_000;

const DECIMAL = /^\d+(\.\d+)?$/;
/** IMF-fixdate, RFC 850 and asctime dates all start with the day's name. */
const HTTP_DATE = /^[a-z]{3}/i;

/**
 * Milliseconds from `retry-after-ms`, or `Retry-After` as decimal seconds or an HTTP date; undefined
 * when absent or in any other form (`0x3`, `-5`, `3e2`, `soon`).
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && DECIMAL.test(ms)) return +ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (DECIMAL.test(value)) return +value * 1000;
  const at = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return at >= 0 ? Math.max(0, at - now) : undefined;
}

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, with up to 25% jitter taken off. */
export function backoffMs(retry: number, random = Math.random()): number {
  return Math.min(BACKOFF_START_MS * 2 ** retry, BACKOFF_CAP_MS) * (1 - 0.25 * random);
}

/** Whether sending the same request again may succeed: no answer, a timeout, 429, 5xx, or the upstream's risk control (HTTP 200, code 500). */
export function isRetryable(error: unknown): error is TikHubError {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof RateLimitError ||
    error instanceof ServerError ||
    (error instanceof ApiCodeError && error.code === 500)
  );
}

/** Resolves after `ms`, or rejects with `aborted()` as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, aborted: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    if (signal?.aborted) return onAbort();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
