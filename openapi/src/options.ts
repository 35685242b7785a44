// Checks of the options the client and the CLI share. Each returns undefined when the value is
// acceptable, else what it must be (no name, no echo of the value: the caller names the option and
// may quote what is safe to quote). A base URL's text is never returned: it may hold a password.
import { MAX_TIMEOUT_MS } from "./constants.js";

/** `timeoutMs`: a whole number of milliseconds from 1 to 2^31 − 1, or (unless allowFalse is false) `false` for none. */
export function checkTimeoutMs(value: unknown, options: { allowFalse?: boolean } = {}): string | undefined {
  const allowFalse = options.allowFalse ?? true;
  if (allowFalse && value === false) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_TIMEOUT_MS) return undefined;
  return `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}${allowFalse ? ", or false for no timeout" : ""}`;
}

/**
 * A base URL: an absolute http(s) URL with a host and without user info; with allowRelative, a path
 * starting with "/" (the page's own origin, for the MSW handlers in a browser) too.
 */
export function checkBaseUrl(value: unknown, options: { allowRelative?: boolean } = {}): string | undefined {
  if (options.allowRelative && typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) return undefined;
  const expected = options.allowRelative ? "an http(s) URL or a path starting with /" : "an absolute http(s) URL";
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return `must be ${expected}`;
  }
  if (url.username || url.password) return "must not hold a user name or password (user:password@)";
  if (!/^https?:$/.test(url.protocol)) return `must be ${expected}, got a ${url.protocol} URL`;
  if (!url.host) return `must be ${expected}`;
  return undefined;
}

/** A checked base URL without its trailing slashes. */
export const trimBaseUrl = (url: string): string => url.replace(/\/+$/, "");
