// The client's options, checked by the operation model's shared rules (the CLI checks the same way);
// the client names the option and turns the problem into an InvalidRequestError.
import { checkBaseUrl as baseUrlProblem, checkTimeoutMs, trimBaseUrl } from "@tikhubapi/spec/runtime";
import { InvalidRequestError } from "./errors.js";

const got = (value: unknown) => `, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`;

/** `timeoutMs`: a positive integer ≤ 2^31−1, or `false` for no timeout. */
export function checkTimeout(value: unknown): void {
  const problem = checkTimeoutMs(value);
  if (problem) throw new InvalidRequestError(`Option timeoutMs ${problem}${got(value)}`);
}

/** `maxRetries` (and other counts): an integer ≥ 0. */
export function checkCount(name: string, value: unknown): void {
  if (!(Number.isInteger(value) && (value as number) >= 0)) throw new InvalidRequestError(`Option ${name} must be a whole number ≥ 0${got(value)}`);
}

/** `headers`, of the client or of a call: absent, or an object of header names and values. */
export function checkHeaders(value: unknown): void {
  if (value !== undefined && Object(value) !== value) throw new InvalidRequestError("Option headers must be an object");
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
 * never echoed: it may hold a password). In a page, a path ("/api/tikhub") resolves against the page.
 */
export function checkBaseUrl(value: unknown): string {
  const page = pageUrl();
  const problem = baseUrlProblem(value, { allowRelative: page !== undefined });
  if (problem)
    throw new InvalidRequestError(`Option baseUrl ${problem}${problem.startsWith("must not hold") ? ": pass them as the username and password options" : ""}`);
  return trimBaseUrl(new URL(value as string, page).href);
}
