// One redaction policy for everything that writes text a user or a log may see (client errors, CLI
// messages, mock logs): every secret is replaced by "[redacted]", the longest first so that a secret
// containing another goes whole. No length floor: a short password is still a password.

export const REDACTED = "[redacted]";

/** `text` with every non-empty secret replaced by [redacted]. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  const ordered = [...new Set(secrets.filter((s): s is string => typeof s === "string" && s !== ""))].sort((a, b) => b.length - a.length);
  return ordered.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** base64 of the UTF-8 bytes of `user:password`: the token of a Basic Authorization header. */
export function basicToken(username: string, password: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The forms a password travels in (as given, URL-encoded, inside the Basic token and header): what to redact for these credentials. */
export function credentialSecrets(username: string | undefined, password: string | undefined): string[] {
  if (!password) return [];
  const token = basicToken(username ?? "", password);
  return [password, encodeURIComponent(password), token, `Basic ${token}`];
}
