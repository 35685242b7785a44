import { AbortError } from "./errors.js";

/** Longest server-requested wait the client sleeps through; beyond it, it throws at once. */
export const RETRY_AFTER_CAP_MS = 60_000;
const BACKOFF_START_MS = 500;
const BACKOFF_CAP_MS = 8_000;

/** Milliseconds from `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms && +ms >= 0) return +ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = +value;
  const at = Number.isNaN(seconds) ? Date.parse(value) : seconds >= 0 ? now + seconds * 1000 : Number.NaN;
  return at >= 0 ? Math.max(0, at - now) : undefined;
}

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, with up to 25% jitter taken off. */
export function backoffMs(retry: number, random = Math.random()): number {
  return Math.min(BACKOFF_START_MS * 2 ** retry, BACKOFF_CAP_MS) * (1 - 0.25 * random);
}

export const abortError = (signal: AbortSignal) => new AbortError("Request aborted", { cause: signal.reason });

/** Resolves after `ms`, or rejects with AbortError as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    if (signal?.aborted) return onAbort();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
