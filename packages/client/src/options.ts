import { InvalidRequestError } from "./errors.js";

/** Largest delay a timer keeps (2^31−1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** `timeoutMs`: a positive integer ≤ 2^31−1, or `false` for no timeout. */
export function checkTimeout(value: unknown): void {
  if (value !== false && !(Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_TIMEOUT_MS)) {
    throw invalidOption("timeoutMs", `a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, or false for no timeout`, value);
  }
}

/** `maxRetries` (and other counts): an integer ≥ 0. */
export function checkCount(name: string, value: unknown): void {
  if (!(Number.isInteger(value) && (value as number) >= 0)) throw invalidOption(name, "a whole number ≥ 0", value);
}

function invalidOption(name: string, expected: string, value: unknown): InvalidRequestError {
  return new InvalidRequestError(`Option ${name} must be ${expected}, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
}

/** The page's own address where there is one (a document or a worker), for a relative baseUrl. */
function pageUrl(): string | undefined {
  try {
    const g = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
    return g.document?.baseURI ?? g.location?.href;
  } catch {
    return undefined; // Deno without --location throws on `location`
  }
}

/**
 * The base URL, absolute and without trailing slashes: an http(s) URL without user info (its text is
 * never echoed: it may hold a password). In a page, a relative one ("/api/tikhub") resolves against it.
 */
export function checkBaseUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(value as string, typeof value === "string" && value[0] === "/" ? pageUrl() : undefined);
  } catch {
    throw new InvalidRequestError("Option baseUrl must be an absolute http(s) URL");
  }
  if (url.username || url.password) throw new InvalidRequestError("Option baseUrl must not hold credentials (user:password@): pass them as the username and password options");
  if (!/^https?:$/.test(url.protocol)) throw new InvalidRequestError(`Option baseUrl must be an http(s) URL, got a ${url.protocol} URL`);
  return url.href.replace(/\/+$/, "");
}
