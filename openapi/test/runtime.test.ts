import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PaginationModel, ParameterModel } from "../src/model.js";
import {
  basicToken,
  CORS_HEADERS,
  checkBaseUrl,
  checkParams,
  checkTimeoutMs,
  corsHeaders,
  credentialSecrets,
  DEFAULT_BASE_URL,
  DOCUMENTED_ERRORS,
  hasMore,
  nextCursor,
  pageItems,
  preflightHeaders,
  readField,
  redact,
} from "../src/runtime.js";

describe("the shared code is runtime-neutral", () => {
  it("no module under src/ (but src/node/, the Node tools') imports a node: builtin or uses process/Buffer", () => {
    const dir = new URL("../src/", import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(new URL(file, dir), "utf8");
      expect(text, file).not.toMatch(/from\s+["']node:|require\(|\bprocess\.|\bBuffer\./);
    }
  });
});

describe("paging", () => {
  const page = { has_more: 1, cursor: 20, body: { sections: [{ items: [1, 2] }, { items: [3] }, {}] }, pagination: { has_more: false } };

  it("readField nests with dots and flattens [] steps", () => {
    expect(readField(page, "cursor")).toBe(20);
    expect(readField(page, "pagination.has_more")).toBe(false);
    expect(readField(page, "body.sections[].items")).toEqual([1, 2, 3]);
    expect(readField(page, "body.missing.deeper")).toBeUndefined();
    expect(readField(page, "cursor[]")).toBeUndefined();
    expect(readField(null, "a")).toBeUndefined();
  });

  it('hasMore is true exactly for true, 1, "1" and "true"', () => {
    for (const yes of [true, 1, "1", "true"]) expect(hasMore(yes), String(yes)).toBe(true);
    for (const no of [false, 0, "0", "false", "", null, undefined, 2, "01", " 1", [1], "TRUE"]) expect(hasMore(no), JSON.stringify(no)).toBe(false);
  });

  const cursorList: PaginationModel = { cursorParam: "offset", nextCursorField: "cursor", hasMoreField: "has_more", itemsField: "list" };
  const pageNumbered: PaginationModel = { cursorParam: "page", nextCursorField: null, hasMoreField: "pagination.has_more", itemsField: "videos" };

  it("nextCursor follows the next cursor until has_more ends, a cursor repeats or is missing", () => {
    const seen = new Set<string>(["0"]);
    expect(nextCursor({ has_more: true, cursor: 20, list: [1] }, cursorList, 0, seen)).toBe(20);
    expect(nextCursor({ has_more: true, cursor: 20, list: [1] }, cursorList, 20, seen)).toBeUndefined();
    expect(nextCursor({ has_more: false, cursor: 40, list: [1] }, cursorList, 20, seen)).toBeUndefined();
    expect(nextCursor({ has_more: 1, cursor: "", list: [1] }, cursorList, 20, seen)).toBeUndefined();
    expect(nextCursor({ has_more: "true", list: [1] }, cursorList, 20, seen)).toBeUndefined();
    expect(nextCursor({ has_more: "1", cursor: "abc", list: [] }, cursorList, 20, seen)).toBe("abc");
  });

  it("a page-numbered list counts pages from 1 while a page has items", () => {
    const seen = new Set<string>();
    expect(nextCursor({ videos: [1], pagination: { has_more: true } }, pageNumbered, undefined, seen)).toBe(2);
    expect(nextCursor({ videos: [1], pagination: { has_more: true } }, pageNumbered, "2", seen)).toBe(3);
    expect(nextCursor({ videos: [], pagination: { has_more: true } }, pageNumbered, 3, seen)).toBeUndefined();
  });

  it("pageItems reads the items field, [] where it is not a list", () => {
    expect(pageItems({ list: [1, 2] }, cursorList)).toEqual([1, 2]);
    expect(pageItems({ list: "x" }, cursorList)).toEqual([]);
  });
});

describe("checkParams (Prism's query check)", () => {
  const params: ParameterModel[] = [
    { name: "room_id", flag: "room-id", type: "string", required: true, description: "", pattern: "^[0-9]+$", minLength: 1 },
    { name: "count", flag: "count", type: "integer", required: false, description: "", minimum: 1, maximum: 50 },
    { name: "sort", flag: "sort", type: "string", required: false, description: "", enum: ["new", "hot"] },
    { name: "ratio", flag: "ratio", type: "number", required: false, description: "" },
    { name: "live", flag: "live", type: "boolean", required: false, description: "" },
    { name: "name", flag: "name", type: "string", required: false, description: "", minLength: 2, maxLength: 3 },
  ];
  const check = (query: Record<string, string | string[]>) => checkParams(params, query);

  it("accepts a valid query (numbers and booleans as text, as on the wire)", () => {
    expect(check({ room_id: "123", count: "50", sort: "hot", ratio: "0.5", live: "true", name: "ab" })).toEqual([]);
  });

  it("a missing or empty required parameter: 'query parameter X is required'", () => {
    expect(check({})).toEqual([{ param: "room_id", kind: "missing", message: "query parameter room_id is required" }]);
    expect(check({ room_id: "" })).toEqual([{ param: "room_id", kind: "empty", message: "query parameter room_id is required" }]);
    expect(check({ room_id: [""] })).toEqual([{ param: "room_id", kind: "empty", message: "query parameter room_id is required" }]);
  });

  it("an empty optional value counts as absent; a name sent twice is not a single value, empty or not (as Prism)", () => {
    expect(check({ room_id: "1", count: "" })).toEqual([]);
    expect(check({ room_id: ["1", "2"] })).toEqual([{ param: "room_id", kind: "repeated", message: "room_id must be a single string, got 2 values" }]);
    expect(check({ room_id: ["1", ""] })[0]?.kind).toBe("repeated");
    expect(check({ room_id: ["", ""] })[0]?.kind).toBe("repeated");
    expect(check({ room_id: "1", count: ["", "5"] })[0]?.kind).toBe("repeated");
  });

  it("names match case-insensitively, the last spelling sent counting (as Prism)", () => {
    expect(check({ ROOM_ID: "123" })).toEqual([]);
    expect(check({ room_id: "123", Room_Id: "x" })[0]?.kind).toBe("pattern");
    expect(checkParams(params, { Room_Id: "1" }, { rejectUnknown: true })).toEqual([]);
  });

  it("type, enum, pattern, lengths and bounds, worded as Prism words them", () => {
    const one = (query: Record<string, string>) => check({ room_id: "1", ...query })[0];
    expect(one({ count: "1.5" })).toEqual({ param: "count", kind: "type", message: "query parameter count must be integer" });
    expect(one({ count: "abc" })?.kind).toBe("type");
    expect(one({ ratio: "x" })).toEqual({ param: "ratio", kind: "type", message: "query parameter ratio must be number" });
    expect(one({ live: "yes" })).toEqual({ param: "live", kind: "type", message: "query parameter live must be boolean" });
    expect(one({ sort: "old" })).toEqual({ param: "sort", kind: "enum", message: "query parameter sort must be one of new, hot" });
    expect(one({ room_id: "12a" })).toEqual({ param: "room_id", kind: "pattern", message: 'query parameter room_id must match pattern "^[0-9]+$"' });
    expect(one({ name: "a" })).toEqual({ param: "name", kind: "minLength", message: "query parameter name must have at least 2 characters" });
    expect(one({ name: "abcd" })).toEqual({ param: "name", kind: "maxLength", message: "query parameter name must have at most 3 characters" });
    expect(one({ count: "0" })).toEqual({ param: "count", kind: "minimum", message: "query parameter count must be >= 1" });
    expect(one({ count: "51" })).toEqual({ param: "count", kind: "maximum", message: "query parameter count must be <= 50" });
  });

  it("coerces text as ajv does: ' 5' and '5.0' are the integer 5", () => {
    expect(check({ room_id: "1", count: " 5" })).toEqual([]);
    expect(check({ room_id: "1", count: "5.0" })).toEqual([]);
  });

  it("one problem per parameter, in the spec's order; unknown names only when asked", () => {
    expect(check({ room_id: "x", count: "0", other: "1" }).map((p) => p.kind)).toEqual(["pattern", "minimum"]);
    expect(checkParams(params, { room_id: "1", other: "1" }, { rejectUnknown: true })).toEqual([
      { param: "other", kind: "unknown", message: "query parameter other is not a parameter of this operation" },
    ]);
  });
});

describe("constants and option checks", () => {
  it("the default base URL and the five documented errors", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.tikhubapi.com/api/v1");
    expect(DOCUMENTED_ERRORS.map((e) => e.status)).toEqual([400, 401, 428, 429, 500]);
  });

  it("checkTimeoutMs: 1 to 2^31-1 ms, or false unless refused", () => {
    for (const ok of [1, 60_000, 2 ** 31 - 1, false]) expect(checkTimeoutMs(ok)).toBeUndefined();
    for (const bad of [0, -1, 1.5, 2 ** 31, "100", null, undefined, true, Number.NaN])
      expect(checkTimeoutMs(bad)).toMatch(/^must be a whole number of milliseconds from 1 to 2147483647, or false/);
    expect(checkTimeoutMs(false, { allowFalse: false })).toBe("must be a whole number of milliseconds from 1 to 2147483647");
  });

  it("checkBaseUrl: absolute http(s) without user info (paths only when allowed), never echoing the value", () => {
    expect(checkBaseUrl("http://127.0.0.1:4010")).toBeUndefined();
    expect(checkBaseUrl("https://api.tikhubapi.com/api/v1/")).toBeUndefined();
    expect(checkBaseUrl("not a url")).toBe("must be an absolute http(s) URL");
    expect(checkBaseUrl(42)).toBe("must be an absolute http(s) URL");
    expect(checkBaseUrl("ftp://host/")).toBe("must be an absolute http(s) URL, got a ftp: URL");
    const withPassword = checkBaseUrl("http://bob:s3cret@host/");
    expect(withPassword).toBe("must not hold a user name or password (user:password@)");
    expect(checkBaseUrl("/api/v1")).toBe("must be an absolute http(s) URL");
    expect(checkBaseUrl("/api/v1", { allowRelative: true })).toBeUndefined();
    expect(checkBaseUrl("//evil/api", { allowRelative: true })).toMatch(/^must be an http\(s\) URL or a path/);
  });
});

describe("redaction and credentials", () => {
  it("redacts every secret, the longest first, and ignores empty ones", () => {
    expect(redact("token abc and abcdef", ["abc", "abcdef", "", undefined])).toBe("token [redacted] and [redacted]");
    expect(redact("pw x1 here", ["x1"])).toBe("pw [redacted] here");
  });

  it("basicToken is base64 of the UTF-8 user:password (colons in the password kept)", () => {
    expect(basicToken("demo", "demo")).toBe("ZGVtbzpkZW1v");
    expect(atob(basicToken("demo", "a:b"))).toBe("demo:a:b");
    expect(basicToken("ü", "p")).toBe("w7w6cA==");
  });

  it("credentialSecrets: the password as given, URL-encoded, in the token and the header", () => {
    expect(credentialSecrets("demo", "p@ss word")).toEqual([
      "p@ss word",
      "p%40ss%20word",
      basicToken("demo", "p@ss word"),
      `Basic ${basicToken("demo", "p@ss word")}`,
    ]);
    expect(credentialSecrets("demo", "")).toEqual([]);
  });
});

describe("CORS", () => {
  it("echoes the origin and requested headers, with credentials; '*' without them", () => {
    expect(corsHeaders("http://localhost:5173", "authorization")).toEqual({
      ...CORS_HEADERS,
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-headers": "authorization",
    });
    expect(corsHeaders()).toEqual(CORS_HEADERS);
    expect(CORS_HEADERS["access-control-allow-credentials"]).toBe("true");
  });

  it("answers a preflight only for OPTIONS with an Origin and Access-Control-Request-Method", () => {
    const headers = (h: Record<string, string>) => (name: string) => h[name];
    const asked = { origin: "http://localhost:5173", "access-control-request-method": "GET", "access-control-request-headers": "authorization" };
    expect(preflightHeaders("options", headers(asked))).toEqual({
      ...corsHeaders("http://localhost:5173", "authorization"),
      "access-control-allow-methods": "GET",
      vary: "origin",
    });
    expect(preflightHeaders("GET", headers(asked))).toBeUndefined();
    expect(preflightHeaders("OPTIONS", headers({ "access-control-request-method": "GET" }))).toBeUndefined();
    expect(preflightHeaders("OPTIONS", headers({ origin: "http://localhost:5173" }))).toBeUndefined();
  });
});
