/** The password of a URL with user info (`http://bob:secret@host` → `secret`), as written and decoded. */
function urlPasswords(text: string | undefined): string[] {
  const match = text === undefined ? null : /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:(.*)@/is.exec(text.trim());
  if (!match) return [];
  let decoded = match[1];
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {}
  return [match[1], decoded];
}

/**
 * Replaces every secret the CLI was given — the password (from the environment or a base URL with user
 * info) and the Basic token built from it — wherever it would appear in what the CLI writes to stderr.
 */
export function redactor(env: NodeJS.ProcessEnv, argv: readonly string[]): (text: string) => string {
  const { TIKHUB_USERNAME: user = "", TIKHUB_PASSWORD: password = "" } = env;
  const secrets: string[] = [];
  if (password) secrets.push(password, Buffer.from(`${user}:${password}`).toString("base64"), encodeURIComponent(password));
  const urls = [env.TIKHUB_BASE_URL, ...argv.map((arg, i) => (arg === "--base-url" ? argv[i + 1] : arg.startsWith("--base-url=") ? arg.slice(11) : undefined))];
  for (const url of urls) secrets.push(...urlPasswords(url));
  // Longest first, so a secret that contains another is replaced whole. Very short ones would mangle the text.
  const replaced = [...new Set(secrets)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  return (text) => replaced.reduce((acc, secret) => acc.split(secret).join("[redacted]"), text);
}
