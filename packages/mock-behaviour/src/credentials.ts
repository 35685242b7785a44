// HTTP Basic as the API checks it: `Authorization: Basic base64(user:password)`. Missing, another
// scheme, bad base64, no colon, or both user and password empty → the documented 401.
import { headerOf, type MockRequest } from "./request.js";
import { type OpenApiSpec, resolveRef, type SpecOperation } from "./spec.js";

export type CredentialCheck = { ok: true; credential: string } | { ok: false; reason: string };

function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** Checks a request's Basic credentials; `credential` (the header value) keys the rate limit. */
export function checkCredentials(request: MockRequest): CredentialCheck {
  const header = headerOf(request, "authorization");
  if (header === undefined || header === "") return { ok: false, reason: "no Authorization header" };
  const match = /^Basic\s+(\S*)\s*$/i.exec(header);
  if (!match) return { ok: false, reason: "Authorization is not Basic" };
  const decoded = decodeBase64(match[1] ?? "");
  if (decoded === undefined) return { ok: false, reason: "Basic credentials are not base64" };
  const colon = decoded.indexOf(":");
  if (colon < 0) return { ok: false, reason: "Basic credentials have no colon" };
  if (colon === 0 && decoded.length === 1) return { ok: false, reason: "empty username and password" };
  return { ok: true, credential: header };
}

/** Whether the operation requires credentials (its own `security`, else the document's). */
export function requiresCredentials(spec: OpenApiSpec, operation: SpecOperation): boolean {
  const security = resolveRef<unknown[] | undefined>(spec, operation.operation.security ?? spec.security);
  return Array.isArray(security) && security.length > 0 && !security.some((entry) => entry && Object.keys(entry as object).length === 0);
}
