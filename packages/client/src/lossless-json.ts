// JSON.parse that keeps every digit of integers beyond ±2^53 by returning them as strings.
// TikTok sends some 64-bit ids as bare JSON numbers; JSON.parse would round them.

/** Runs of 16+ digits: the only candidates for an unsafe integer (searched fast, no backtracking). */
const LONG_DIGITS = /\d{16}/g;
/** What precedes a number in value position. */
const VALUE_POSITION = /[:,[]\s*-?$/;
/** A whole string literal (skipped as is), or an integer literal of 16+ digits outside strings. */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

export function parseJson(text: string): unknown {
  return JSON.parse(mayHoldUnsafeInteger(text) ? quoteUnsafeIntegers(text) : text);
}

/**
 * Whether a run of 16+ digits stands in value position (after `:`, `,` or `[`). Runs inside strings,
 * such as ids in URLs, are almost always after another character, so they keep the fast path.
 */
function mayHoldUnsafeInteger(text: string): boolean {
  LONG_DIGITS.lastIndex = 0;
  for (let match; (match = LONG_DIGITS.exec(text)); ) if (VALUE_POSITION.test(text.slice(Math.max(0, match.index - 9), match.index))) return true;
  return false;
}

/** Wraps every integer literal outside strings that is not a safe integer in quotes. */
export function quoteUnsafeIntegers(text: string): string {
  return text.replace(STRING_OR_LONG_INTEGER, (token) => (token[0] === '"' || Number.isSafeInteger(+token) ? token : `"${token}"`));
}
