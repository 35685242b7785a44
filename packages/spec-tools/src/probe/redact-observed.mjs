// What of a live answer may enter the repository. The rule:
//   1. only the response body: no request, no header, no URL;
//   2. every string is passed through the runtime's one redaction policy (`redact`) with every form
//      the credentials travel in (as given, URL-encoded, the Basic token) and the user name, so no credential survives;
//   3. identifying values — fields named as ids, handles, names, URLs, avatars/covers, contact details,
//      free text a person wrote (signature, desc, text…), and any string that is a URL — are kept only
//      when the same value already appears in the spec's own examples (those are public, chosen when the
//      spec was curated); otherwise they take the value at the same place in the operation's spec
//      example, or a neutral placeholder of the same type ("0…" for digit strings, https://example.com/…
//      for URLs, "redacted", 0);
//   4. lists keep at most 3 items.
// The result is validated against the spec again before it is written (see write-evidence.mjs).
import { credentialSecrets, redact } from "@tikhubapi/spec/runtime";

export const MAX_LIST_ITEMS = 3;
const IDENTIFYING_KEY =
  /(^|_)(id|ids|uid|sec_uid|unique_id|id_str|handle|username|user_name|nickname|nick_name|name|display_name|url|uri|urls|url_list|link|links|avatar\w*|cover\w*|email|phone|mobile|signature|bio|desc|description|text|content|title|ip|address|location|share_\w*|qr_code\w*)$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Every primitive value in the spec's examples (components.examples and inline ones). */
export function publicValues(spec) {
  const values = new Set();
  const walk = (node, inExample) => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, inExample);
      return;
    }
    if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) walk(child, inExample || key === "example" || key === "examples" || key === "value");
      return;
    }
    if (inExample && node !== null && node !== undefined) values.add(`${typeof node}:${node}`);
  };
  walk(spec.components?.examples ?? {}, true);
  walk(spec.paths ?? {}, false);
  return values;
}

const placeholder = (value) => {
  if (typeof value === "number") return 0;
  if (typeof value === "boolean") return value;
  if (URL_LIKE.test(value)) return "https://example.com/redacted";
  if (/^[0-9]+$/.test(value)) return "0".repeat(Math.min(value.length, 19));
  return "redacted";
};

/** The value of `example` at the place of `path` (array indices beyond the example's length fall back to its first item). */
function exampleAt(example, path) {
  let node = example;
  for (const step of path) {
    if (Array.isArray(node)) node = node[Math.min(Number(step), node.length - 1)];
    else if (node && typeof node === "object") node = node[step];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * @returns {{ value: unknown, replaced: number, truncatedLists: number }} the body as it may be written.
 */
export function redactObserved(body, { spec, example, username, password, publics = publicValues(spec) }) {
  // The account's user name too: it identifies the account (the key-info answer carries it).
  const secrets = [...credentialSecrets(username, password), username];
  let replaced = 0;
  let truncatedLists = 0;
  const walk = (value, path, key) => {
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) truncatedLists += 1;
      return value.slice(0, MAX_LIST_ITEMS).map((item, i) => walk(item, [...path, i], key));
    }
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k], k)]));
    let out = typeof value === "string" ? redact(value, secrets) : value;
    const identifying =
      (typeof out === "string" && (IDENTIFYING_KEY.test(String(key)) || URL_LIKE.test(out))) || (typeof out === "number" && IDENTIFYING_KEY.test(String(key)));
    if (identifying && !publics.has(`${typeof out}:${out}`)) {
      const fromExample = exampleAt(example, path);
      out = typeof fromExample === typeof out ? fromExample : placeholder(out);
      replaced += 1;
    }
    return out;
  };
  return { value: walk(body, [], ""), replaced, truncatedLists };
}
