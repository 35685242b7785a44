// JSON.parse that keeps every digit of integers beyond ±2^53 by returning them as strings.
// TikTok sends some 64-bit ids as bare JSON numbers; JSON.parse would round them.

/**
 * A number of 16+ digits in value position (after `:`, `,` or `[`): the only place an unsafe
 * integer can be. One regex test, about 1 ns per character (JSON.parse takes ~1.3); digit runs
 * inside strings, such as ids in URLs, follow other characters and keep the fast path.
 */
const MAYBE_UNSAFE = /[:,[]\s*-?\d{16}/;
/** A whole string literal (skipped as is), or an integer literal of 16+ digits outside strings. */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

export function parseJson(text: string): unknown {
  return JSON.parse(mayHoldUnsafeInteger(text) ? quoteUnsafeIntegers(text) : text);
}

/** The cheap test that keeps most answers on JSON.parse's fast path. */
export function mayHoldUnsafeInteger(text: string): boolean {
  return MAYBE_UNSAFE.test(text);
}

/** Wraps every integer literal outside strings that is not a safe integer in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  return text.replace(STRING_OR_LONG_INTEGER, (token) => (token[0] === '"' || Number.isSafeInteger(+token) ? token : `"${token}"`));
}
