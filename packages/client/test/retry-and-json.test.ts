import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
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
    expect(parseJson('[7531095702089370381,9007199254740991,-9007199254740993,1234567890123456.5,"7531095702089370381",{"k\\"":7531095702089370381}]')).toEqual([
      "7531095702089370381",
      9007199254740991,
      "-9007199254740993",
      1234567890123456.5,
      "7531095702089370381",
      { 'k"': "7531095702089370381" },
    ]);
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
  });
});
