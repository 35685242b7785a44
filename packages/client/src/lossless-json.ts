// JSON.parse that keeps every digit of integers beyond ±2^53 by returning them as strings.
// TikTok sends some 64-bit ids as bare JSON numbers; JSON.parse would round them.

/**
 * A number of 16+ digits in value position (after `:`, `,` or `[`): the only place an unsafe
 * integer can be. One linear regex test (no nested quantifier), about 1 ns per character; digit runs
 * inside strings, such as ids in URLs, follow other characters and keep the fast path.
 */
const MAYBE_UNSAFE = /[:,[]\s*-?\d{16}/;

export function parseJson(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

/** The text with its unsafe integers quoted: the same string when it holds none (the cheap test first). */
export function quoteLongIntegers(text: string): string {
  return mayHoldUnsafeInteger(text) ? quoteUnsafeIntegers(text) : text;
}

/** The cheap test that keeps most answers on JSON.parse's fast path. */
export function mayHoldUnsafeInteger(text: string): boolean {
  return MAYBE_UNSAFE.test(text);
}

const isDigit = (c: number) => c > 47 && c < 58;

/**
 * Wraps every integer literal outside strings that is not a safe integer in quotes. One pass, no
 * recursion or regex: strings are skipped with indexOf, numbers are read to their end. Text that is
 * not valid JSON comes back in a form JSON.parse still rejects.
 */
export function quoteUnsafeIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: its end is the first quote after an even number of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return text;
        let slash = end;
        while (text.charCodeAt(slash - 1) === 92) slash--;
        if ((end - slash) % 2 === 0) break;
      }
      i = end + 1;
    } else if (c === 45 || isDigit(c)) {
      let end = i + 1;
      while (isDigit(text.charCodeAt(end))) end++;
      const digits = end - i - (c === 45 ? 1 : 0);
      let integer = true;
      // The rest of the number (fraction, exponent), so that its digits are not read as a new number.
      for (let d = text.charCodeAt(end); d === 46 || d === 43 || d === 45 || (d | 32) === 101 || isDigit(d); d = text.charCodeAt(++end)) integer = false;
      // 2^53 has 16 digits: longer integers are all unsafe, 16-digit ones are compared.
      if (integer && (digits > 16 || (digits === 16 && !Number.isSafeInteger(+text.slice(i, end))))) {
        parts.push(text.slice(copied, i), '"', text.slice(i, end), '"');
        copied = end;
      }
      i = end;
    } else i++;
  }
  if (!copied) return text;
  parts.push(text.slice(copied));
  return parts.join("");
}
