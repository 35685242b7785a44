// Which secrets the CLI was given, so that none reaches what it writes: the password from the
// environment in every form it travels in, and a password written into a base URL. The redaction
// itself is the model's one policy (@tikhubapi/spec/runtime redact), the client's too.
import { credentialSecrets, redact } from "@tikhubapi/spec/runtime";

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

/** Replaces every secret the CLI was given wherever it would appear in what the CLI writes to stderr. */
export function redactor(env: NodeJS.ProcessEnv, argv: readonly string[]): (text: string) => string {
  const urls = [env.TIKHUB_BASE_URL, ...argv.map((arg, i) => (arg === "--base-url" ? argv[i + 1] : arg.startsWith("--base-url=") ? arg.slice(11) : undefined))];
  const secrets = [...credentialSecrets(env.TIKHUB_USERNAME, env.TIKHUB_PASSWORD), ...urls.flatMap(urlPasswords)];
  return (text) => redact(text, secrets);
}
