/** Fields every TikHub error may carry. */
export interface TikHubErrorFields {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The envelope's `code` (or the HTTP status when the body had none). */
  code?: number;
  /** The envelope's `msg`. */
  msg?: string;
  /** Response headers (lower-cased names; any `authorization` value redacted). */
  headers?: Record<string, string>;
  /** The upstream's request id, where a response carried one. */
  requestId?: string;
  /** Milliseconds the server asked to wait (429). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Base class of every error the client throws. */
export class TikHubError extends Error {
  override name = "TikHubError";
  declare status?: number;
  declare code?: number;
  declare msg?: string;
  declare headers?: Record<string, string>;
  declare requestId?: string;

  constructor(message: string, fields: TikHubErrorFields = {}) {
    // Error installs `cause` non-enumerable; assigning it again keeps it so (and out of JSON).
    super(message, fields);
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) (this as Record<string, unknown>)[key] = value;
  }

  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/** 400: a parameter is missing or invalid; resending the same request fails again. */
export class BadRequestError extends TikHubError {
  override name = "BadRequestError";
}
/** 401: the Basic credentials are missing, malformed or wrong. */
export class AuthenticationError extends TikHubError {
  override name = "AuthenticationError";
}
/** 403: the key may not use this endpoint. */
export class PermissionDeniedError extends TikHubError {
  override name = "PermissionDeniedError";
}
/** 404: no such endpoint or resource. */
export class NotFoundError extends TikHubError {
  override name = "NotFoundError";
}
/** 428: the account's session expired and must be re-authorized. */
export class SessionExpiredError extends TikHubError {
  override name = "SessionExpiredError";
}
/** 429: the plan's quota is reached; `retryAfterMs` says how long the server asked to wait. */
export class RateLimitError extends TikHubError {
  override name = "RateLimitError";
  declare retryAfterMs?: number;
}
/** 5xx, also an answer that is not a JSON envelope (an HTML gateway page, a JSON array). */
export class ServerError extends TikHubError {
  override name = "ServerError";
}
/** HTTP 200 whose envelope `code` is not 0 (code 500 is the upstream's retryable risk-control answer). */
export class ApiCodeError extends TikHubError {
  override name = "ApiCodeError";
}
/** The request never got a response (DNS, refused, reset). */
export class ConnectionError extends TikHubError {
  override name = "ConnectionError";
}
/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends TikHubError {
  override name = "TimeoutError";
}
/** The caller's AbortSignal fired. */
export class AbortError extends TikHubError {
  override name = "AbortError";
}
/** Bad input caught before anything was sent (a missing required parameter, an invalid option). */
export class InvalidRequestError extends TikHubError {
  override name = "InvalidRequestError";
}
