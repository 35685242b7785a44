// What the command line and the environment say about how to reach the API: the base URL, extra
// headers, the per-attempt timeout and the retries. Each is checked here, so a bad one is a usage error (exit 2)
// that names what was wrong and never echoes a credential.
import { checkBaseUrl, checkTimeoutMs, DEFAULT_BASE_URL, trimBaseUrl } from "@tikhubapi/spec/runtime";
import { UsageError } from "./errors.js";

const CREDENTIALS_FROM_ENV = "credentials come from the TIKHUB_USERNAME and TIKHUB_PASSWORD environment variables only";

/** `http://user:pass@host` → `http://***@host`: a URL-like text safe to quote in a message. */
export function withoutUserInfo(text: string): string {
  // Up to the last "@": a password may itself hold "@", "/" or ":".
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/is, (_, scheme: string | undefined) => `${scheme ?? ""}***@`);
}

/**
 * The API root: `--base-url` wins over `TIKHUB_BASE_URL`, which wins over the default. What is accepted
 * is the client's rule (the model's checkBaseUrl): an absolute http(s) URL without a user name or
 * password (that would show up in process lists, and in any message quoting the URL).
 */
export function resolveBaseUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.TIKHUB_BASE_URL?.trim() || undefined;
  const [source, text] = flag !== undefined ? ["--base-url", flag] : fromEnv !== undefined ? ["TIKHUB_BASE_URL", fromEnv] : [undefined, DEFAULT_BASE_URL];
  if (source === undefined) return text;
  const problem = checkBaseUrl(text);
  if (problem === undefined) return trimBaseUrl(text);
  // The rule's answer, worded for a shell: which setting, the text without its user info, and where credentials go instead.
  if (/user name or password/.test(problem)) {
    throw new UsageError(`${source} must not contain a user name or password (${withoutUserInfo(text)}): ${CREDENTIALS_FROM_ENV}`);
  }
  throw new UsageError(`${source} must be an http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(withoutUserInfo(text))}`);
}

// RFC 9110 field name (token) and field value (visible characters, spaces and tabs; no CR, LF or NUL).
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;
/** Headers the HTTP client manages itself (fetch refuses or overrides them). */
const TRANSPORT_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect"]);
/** Headers that carry credentials: refused like the credential flags, their value never echoed. */
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization"]);

/**
 * `--header 'Name: value'` (repeatable) → headers by lower-cased name. A repeated name is joined with
 * ", " as HTTP does. `Authorization` is refused: credentials come from the environment.
 */
export function parseHeaders(list: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const text of list) {
    const colon = text.indexOf(":");
    const name = (colon === -1 ? text : text.slice(0, colon)).trim();
    if (CREDENTIAL_HEADERS.has(name.toLowerCase()) || /^\s*(proxy-)?authorization\b/i.test(text)) {
      throw new UsageError(`--header ${name.split(/\s/)[0]} is not accepted: ${CREDENTIALS_FROM_ENV} (the value is not shown)`);
    }
    if (colon === -1)
      throw new UsageError(`--header ${JSON.stringify(text)} has no colon: write it as --header 'Name: value' (e.g. --header 'Prefer: code=429')`);
    if (!FIELD_NAME.test(name)) {
      throw new UsageError(
        `--header ${JSON.stringify(text)}: ${JSON.stringify(name)} is not a valid header name (letters, digits and !#$%&'*+.^_\`|~- only, no spaces)`,
      );
    }
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) throw new UsageError(`--header ${name}: this header is managed by the HTTP client and cannot be set`);
    const value = text.slice(colon + 1).trim();
    if (!FIELD_VALUE.test(value)) throw new UsageError(`--header ${name}: the value has a line break or control character`);
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

/** `--timeout-ms N`: the client's timeoutMs (the model's checkTimeoutMs: 1 to 2^31 − 1 ms), or `none` for no time limit. */
export function parseTimeout(text: string | undefined): number | false | undefined {
  if (text === undefined) return undefined;
  if (text === "none") return false;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const problem = checkTimeoutMs(value, { allowFalse: false });
  if (problem) throw new UsageError(`--timeout-ms ${problem}, got ${JSON.stringify(text)} (--timeout-ms none: no time limit)`);
  return value;
}

/** `--max-retries N`: retries after the first attempt, a whole number ≥ 0 (0: fail at the first error). */
export function parseMaxRetries(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text)) throw new UsageError(`--max-retries must be a whole number ≥ 0, got ${JSON.stringify(text)}`);
  return Number(text);
}
