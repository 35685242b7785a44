// The typed error an HTTP answer means, its message naming the call, the status and the server's own
// explanation — with every secret the call carried taken out.

import { REDACTED, redact } from "@tikhubapi/spec/runtime";
import {
  ApiCodeError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  SessionExpiredError,
  TikHubError,
  type TikHubErrorFields,
} from "./errors.js";
import { retryAfterMs } from "./retry.js";

type ErrorClass = new (message: string, fields?: TikHubErrorFields) => TikHubError;

const BY_STATUS: Record<number, ErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  428: SessionExpiredError,
  429: RateLimitError,
};

/** Replaces every secret in a text by [redacted]. */
export type Hide = (text: string) => string;

/** A Hide for the password and the Authorization value (whole, and its credentials without the scheme), by the model's one redaction policy. */
export function hider(password: string | undefined, authorization: string | null): Hide {
  const secrets = [password, password && encodeURIComponent(password), authorization, authorization?.replace(/^\S+\s+/, "")];
  return (text) => redact(text, secrets);
}

/** The server's explanation: the envelope's msg, a problem+json detail/title, or a short plain-text body. */
function explanation(body: unknown, text: string): string | undefined {
  const fields = Object(body) === body ? (body as Record<string, unknown>) : {};
  for (const key of ["msg", "message", "detail", "title", "error"]) if (typeof fields[key] === "string" && fields[key]) return fields[key] as string;
  const plain = body === undefined && text.trim();
  return plain && plain.length <= 200 && plain[0] !== "<" ? plain : undefined;
}

export function answerError(call: string, response: Response, body: unknown, isEnvelope: boolean, text: string, hide: Hide): TikHubError {
  const { status } = response;
  const code = (body as { code?: unknown } | undefined)?.code;
  const ErrorClass = !response.ok ? (BY_STATUS[status] ?? (status > 499 ? ServerError : TikHubError)) : isEnvelope ? ApiCodeError : ServerError;
  const explained = explanation(body, text);
  const msg = explained && hide(explained); // the server's text may echo a secret; the rest of the message is ours
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = /authorization/.test(key) ? REDACTED : hide(value);
  });
  let message = `${call} answered HTTP ${status}`;
  if (typeof code === "number" && code !== status) message += ` with code ${code}`;
  if (!isEnvelope) message += text ? " (not a JSON envelope)" : " (empty body)";
  if (msg) message += `: ${msg}`;
  return new ErrorClass(message, {
    status,
    code: typeof code === "number" ? code : status,
    msg,
    headers,
    requestId: headers["x-request-id"],
    retryAfterMs: status === 429 ? retryAfterMs(response.headers) : undefined,
  });
}
