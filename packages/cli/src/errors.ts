import {
  AbortError,
  ApiCodeError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TikHubError,
  TimeoutError,
} from "@tikhubapi/client";

export const EXIT = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  AUTH: 3,
  RATE_LIMITED: 4,
  /** 128 + SIGINT, the shell's convention for Ctrl-C. */
  INTERRUPTED: 130,
} as const;

/** An error the CLI reports as one line and exits with `exitCode`. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT.ERROR,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Bad command line: unknown section/method/flag, missing or badly typed parameter. Exit 2. */
export class UsageError extends CliError {
  override name = "UsageError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.USAGE, options);
  }
}

/** The API's `msg`, when it says more than the status line. */
function detail(error: TikHubError): string {
  return error.msg ? ` (${error.msg})` : "";
}

/** The innermost cause's code or message ("ECONNREFUSED" rather than undici's "fetch failed"). */
function rootCause(error: Error): string {
  let current: unknown = error.cause;
  let text = error.message;
  for (let depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string") text = code;
    else if (typeof message === "string" && message && message !== "fetch failed") text = message;
    current = (current as { cause?: unknown }).cause;
  }
  return text;
}

/** One line and an exit code for anything thrown while running a command. */
export function describeError(error: unknown, baseUrl: string): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AuthenticationError)
    return { message: `authentication failed (HTTP 401)${detail(error)}: check TIKHUB_USERNAME and TIKHUB_PASSWORD`, exitCode: EXIT.AUTH };
  if (error instanceof PermissionDeniedError)
    return { message: `permission denied: ${error.message} (your API key may not use this endpoint)`, exitCode: EXIT.AUTH };
  if (error instanceof NotFoundError) return { message: `not found: ${error.message}`, exitCode: EXIT.ERROR };
  if (error instanceof SessionExpiredError)
    return { message: `session expired (HTTP 428)${detail(error)}: re-authorize the account, then try again`, exitCode: EXIT.AUTH };
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? "try again later" : `retry after ${Math.ceil(error.retryAfterMs / 1000)} s`;
    return { message: `rate-limited (HTTP 429)${detail(error)}: ${wait}`, exitCode: EXIT.RATE_LIMITED };
  }
  if (error instanceof InvalidRequestError) return { message: error.message, exitCode: EXIT.USAGE };
  if (error instanceof BadRequestError)
    return { message: `the API rejected the request (HTTP 400)${detail(error)}: check the parameters`, exitCode: EXIT.ERROR };
  if (error instanceof ServerError) return { message: `server error (HTTP ${error.status ?? "5xx"})${detail(error)}: try again later`, exitCode: EXIT.ERROR };
  if (error instanceof ApiCodeError) return { message: `the API answered code ${String(error.code)}${detail(error)}`, exitCode: EXIT.ERROR };
  if (error instanceof ConnectionError) return { message: `cannot reach ${baseUrl}: ${rootCause(error)}`, exitCode: EXIT.ERROR };
  if (error instanceof TimeoutError) return { message: `${baseUrl} did not answer in time: ${error.message}`, exitCode: EXIT.ERROR };
  if (error instanceof AbortError) return { message: "interrupted", exitCode: EXIT.INTERRUPTED };
  if (error instanceof TikHubError) return { message: error.message, exitCode: EXIT.ERROR };
  if (error && typeof error === "object" && "code" in error && typeof (error as NodeJS.ErrnoException).syscall === "string") {
    // Filesystem steps are worded where they happen (file-errors.ts); this is the fallback for any other.
    const e = error as NodeJS.ErrnoException;
    return { message: `cannot ${e.syscall}${e.path ? ` ${e.path}` : ""}: ${e.message}`, exitCode: EXIT.ERROR };
  }
  return { message: `unexpected error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`, exitCode: EXIT.ERROR };
}
