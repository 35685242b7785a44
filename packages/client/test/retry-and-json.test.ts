import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mayHoldUnsafeInteger, parseJson, quoteUnsafeIntegers } from "../src/lossless-json.js";
import { backoffMs, retryAfterMs } from "../src/retry.js";

describe("retryAfterMs", () => {
  const headers = (init: Record<string, string>) => new Headers(init);
  it("reads seconds, HTTP dates and retry-after-ms", () => {
    expect(retryAfterMs(headers({ "retry-after": "30" }))).toBe(30_000);
    expect(retryAfterMs(headers({ "retry-after": "0" }))).toBe(0);
    expect(retryAfterMs(headers({ "retry-after-ms": "250", "retry-after": "30" }))).toBe(250);
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(retryAfterMs(headers({ "retry-after": "Wed, 25 Nov 2026 12:00:45 GMT" }), now)).toBe(45_000);
    expect(retryAfterMs(headers({ "retry-after": "Wed, 25 Nov 2026 11:00:00 GMT" }), now)).toBe(0);
  });
  it("is undefined when absent or unreadable", () => {
    expect(retryAfterMs(headers({}))).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": "-5" }))).toBeUndefined();
  });
  it("reads only decimal seconds or an HTTP date: 0x3, 3e2, +3, Infinity and bare years are not waits", () => {
    for (const value of ["0x3", "0X3", "3e2", "+3", "Infinity", "0b11", "3 s", ""])
      expect(retryAfterMs(headers({ "retry-after": value })), value).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after-ms": "0x10" }))).toBeUndefined();
    expect(retryAfterMs(headers({ "retry-after": " 3 " }))).toBe(3000);
    expect(retryAfterMs(headers({ "retry-after": "1.5" }))).toBe(1500);
    const now = Date.parse("2026-11-25T12:00:00Z");
    expect(retryAfterMs(headers({ "retry-after": "Wednesday, 25-Nov-26 12:00:10 GMT" }), now)).toBe(10_000);
  });
});

describe("backoffMs", () => {
  it("starts at 0.5 s, doubles, caps at 8 s, and jitter only shortens by up to 25%", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(0, 1)).toBe(375);
    for (let i = 0; i < 100; i++) {
      const ms = backoffMs(2);
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThanOrEqual(2000);
    }
  });
});

describe("parseJson", () => {
  it("leaves text without a long number untouched (fast path)", () => {
    const text = '{"a":1,"url":"https://p16.tiktokcdn.com/obj/1594805258216454~c5.webp","b":[1.5,2]}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });
  it("quotes only unsafe integers outside strings", () => {
    expect(parseJson('[7531095702089370381,9007199254740991,-9007199254740993,1234567890123456.5,"7531095702089370381",{"k\\"":7531095702089370381}]')).toEqual(
      ["7531095702089370381", 9007199254740991, "-9007199254740993", 1234567890123456.5, "7531095702089370381", { 'k"': "7531095702089370381" }],
    );
  });
  it("keeps the documentation's own answer on the fast path: its long digit runs are inside URLs", () => {
    const spec = JSON.parse(readFileSync(new URL("../../../openapi/dist/openapi.json", import.meta.url), "utf8"));
    const body = JSON.stringify(spec.components.examples.liveGetInfo.value);
    expect(body).toMatch(/\d{16}/);
    expect(mayHoldUnsafeInteger(body)).toBe(false);
    expect(mayHoldUnsafeInteger('{"id":7531095702089370381}')).toBe(true);
    expect(mayHoldUnsafeInteger('{"ids": [1, 7531095702089370381]}')).toBe(true);
  });

  it("still throws on invalid JSON", () => {
    expect(() => parseJson('{"a":7531095702089370381')).toThrow(SyntaxError);
    expect(() => parseJson('{"a":"7531095702089370381,"b":1234567890123456789}')).toThrow(SyntaxError);
    expect(() => parseJson('[1234567890123456789, "unterminated \\" ]')).toThrow(SyntaxError);
  });

  it("skips strings with escaped quotes and backslashes, and the digits of fractions and exponents", () => {
    const strings = ["a\\", 'b"c:1234567890123456789', '\\"', "\\\\"];
    const text = `[${JSON.stringify(strings[0])},1234567890123456789,${JSON.stringify(strings[1])},0.12345678901234567890,1.5e-12345678901234567,-1234567890123456789e0,${JSON.stringify(strings[2])},[12345678901234567890],${JSON.stringify(strings[3])},-1234567890123456789]`;
    expect(parseJson(text)).toEqual([
      strings[0],
      "1234567890123456789",
      strings[1],
      0.12345678901234568,
      0,
      -1234567890123456800,
      strings[2],
      ["12345678901234567890"],
      strings[3],
      "-1234567890123456789",
    ]);
  });

  it("a 9 MB string beside 19-digit ids: parsed, ids exact (the old regex overflowed its stack here)", () => {
    const big = 'x\\"y:1234567890123456789,'.repeat(375_000); // 9 MB with quotes, backslashes and digit runs
    const text = `{"code":0,"msg":"success","data":{"id":7531095702089370381,"text":${JSON.stringify(big)},"ids":[-9223372036854775808, 18446744073709551615],"tail":6796815426174960646}}`;
    const body = parseJson(text) as { data: Record<string, unknown> };
    expect(body.data.id).toBe("7531095702089370381");
    expect(body.data.ids).toEqual(["-9223372036854775808", "18446744073709551615"]);
    expect(body.data.tail).toBe("6796815426174960646");
    expect(body.data.text).toBe(big);
  });

  it("64 MB of valid JSON and a million levels of nesting: no recursion, no overflow", { timeout: 120_000 }, () => {
    const depth = 1_000_000;
    const nested = `${"[".repeat(depth)}7531095702089370381${"]".repeat(depth)}`;
    expect(quoteUnsafeIntegers(nested)).toBe(`${"[".repeat(depth)}"7531095702089370381"${"]".repeat(depth)}`);
    const text = `{"code":0,"data":{"a":"${"\\u0041\\\\ 12345678901234567890 ".repeat(2_500_000)}","id":12345678901234567890,"list":[${"7531095702089370381,1.5,".repeat(1_000_000)}0]}}`;
    expect(text.length).toBeGreaterThan(64_000_000);
    const { data } = parseJson(text) as { data: { a: string; id: string; list: unknown[] } };
    expect(data.id).toBe("12345678901234567890");
    expect(data.a.length).toBe(2_500_000 * 24);
    expect(data.list.length).toBe(2_000_001);
    expect(data.list[1_999_998]).toBe("7531095702089370381");
  });
});
