// The runtime-neutral core on the real bundled spec: paging, scenarios, credentials, 405.
import { readdirSync, readFileSync } from "node:fs";
import { buildModel, ModelError } from "@tikhubapi/spec/model";
import { describe, expect, it } from "vitest";
import {
  createMockBehaviour,
  exampleAnswer,
  type OpenApiSpec,
  parseFailRate,
  parseLatency,
  parseRateLimit,
  readField,
  requestFromUrl,
  ScenarioOptionError,
} from "../src/index.js";

const spec = JSON.parse(readFileSync(new URL("../../../openapi/dist/openapi.json", import.meta.url), "utf8")) as OpenApiSpec;
const AUTH = { authorization: `Basic ${btoa("demo:demo")}` };
const behaviour = createMockBehaviour(spec);
const paged = [...behaviour.pages.values()];

function serve(url: string, headers: Record<string, string> = AUTH) {
  const decision = behaviour.decide(requestFromUrl("GET", url, headers));
  if (decision.kind !== "serve" || !decision.operation) throw new Error(`expected serve, got ${JSON.stringify(decision)}`);
  return exampleAnswer(spec, decision.operation, decision.code ?? 200, decision.example)!;
}

it("the core imports nothing from a runtime or from Prism", () => {
  const dir = new URL("../src/", import.meta.url);
  for (const file of readdirSync(dir)) {
    const source = readFileSync(new URL(file, dir), "utf8");
    expect(source, file).not.toMatch(/from "(node:|@stoplight|fs|http|path)/);
    expect(source, file).not.toMatch(/\b(Buffer|process)\./);
  }
});

describe("paging from the spec's named examples", () => {
  it("finds every paged operation, each with at least 3 pages", () => {
    const withPagination = Object.values(spec.paths).filter((item) => (item.get as Record<string, unknown>)?.["x-pagination"]).length;
    expect(paged.length).toBe(withPagination);
    expect(paged.length).toBeGreaterThan(0);
    for (const op of paged) expect(op.pages.length, op.operationId).toBeGreaterThanOrEqual(3);
  });

  it("reads pagination and the cursor parameter as the operation model does, and fails with its ModelError", () => {
    const model = new Map(buildModel(spec).map((op) => [op.id, op]));
    for (const op of paged) {
      const modelled = model.get(op.operationId)!;
      expect(op.pagination, op.operationId).toEqual(modelled.pagination);
      const cursor = modelled.params.find((p) => p.name === op.pagination.cursorParam)!;
      expect([...op.initialCursors], op.operationId).toContain(String(cursor.example));
    }
    const broken = structuredClone(spec);
    const [first] = paged;
    (broken.paths[first!.path]!.get as Record<string, unknown>)["x-pagination"] = { ...first!.pagination, cursorParam: "nope" };
    expect(() => createMockBehaviour(broken)).toThrow(ModelError);
    expect(() => createMockBehaviour(broken)).toThrow(`${first!.operationId}: x-pagination: cursorParam "nope" is not one of the operation's parameters`);
  });

  it.each(paged.map((op) => [op.operationId, op] as const))("%s: the cursors chain page to page to the end, distinct items", (_id, op) => {
    const { cursorParam, nextCursorField, hasMoreField, itemsField } = op.pagination;
    const seen = new Set<string>();
    let cursor: string | undefined;
    let walked = 0;
    for (;;) {
      const url = cursor === undefined ? op.path : `${op.path}?${cursorParam}=${encodeURIComponent(cursor)}`;
      const body = serve(url).body as { data: unknown };
      walked++;
      const items = readField(body.data, itemsField) as unknown[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const key = JSON.stringify(item);
        expect(seen.has(key), "an item repeated").toBe(false);
        seen.add(key);
      }
      const more = readField(body.data, hasMoreField);
      if (!(more === true || more === 1)) break;
      expect(walked).toBeLessThan(op.pages.length);
      cursor = nextCursorField === null ? String(walked + 1) : String(readField(body.data, nextCursorField));
    }
    expect(walked).toBe(op.pages.length);
  });

  it.each(paged.map((op) => [op.operationId, op] as const))("%s: no cursor or the initial one → page 1; an unknown one → the last page", (_id, op) => {
    const first = op.pages[0];
    const last = op.pages[op.pages.length - 1];
    const pick = (query: string) => {
      const decision = behaviour.decide(requestFromUrl("GET", `${op.path}${query}`, AUTH));
      return decision.kind === "serve" ? decision.example : undefined;
    };
    expect(pick("")).toBe(first);
    for (const initial of op.initialCursors) expect(pick(`?${op.pagination.cursorParam}=${encodeURIComponent(initial)}`)).toBe(first);
    expect(pick(`?${op.pagination.cursorParam}=999999`)).toBe(last);
  });

  it("a chosen error code is not paged, and Prefer: example= wins", () => {
    const op = paged[0]!;
    const decision = behaviour.decide(requestFromUrl("GET", op.path, { ...AUTH, prefer: "code=429" }));
    expect(decision).toMatchObject({ kind: "serve", code: 429 });
    expect((decision as { example?: string }).example).toBeUndefined();
    expect(behaviour.decide(requestFromUrl("GET", `${op.path}?__code=500`, AUTH))).toMatchObject({ kind: "serve", code: 500 });
    expect(behaviour.decide(requestFromUrl("GET", op.path, { ...AUTH, prefer: `example=${op.pages[2]}` }))).toMatchObject({ example: op.pages[2] });
  });
});

describe("requests the API refuses", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s on a known path → 405 with Allow and the envelope", (method) => {
    const decision = behaviour.decide(requestFromUrl(method, "/live/info", AUTH));
    expect(decision.kind).toBe("answer");
    if (decision.kind !== "answer") return;
    expect(decision.reason).toBe("method-not-allowed");
    expect(decision.answer.status).toBe(405);
    expect(decision.answer.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(decision.answer.body).toMatchObject({ code: 405, data: null });
  });

  it.each([
    ["empty user and password", `Basic ${btoa(":")}`],
    ["no header", undefined],
    ["Bearer", "Bearer abc"],
    ["no colon", `Basic ${btoa("demo")}`],
    ["not base64", "Basic %%%"],
  ])("credentials: %s → the documented 401", (_name, authorization) => {
    const decision = behaviour.decide(requestFromUrl("GET", "/api/info", authorization ? { authorization } : {}));
    expect(decision).toMatchObject({
      kind: "answer",
      reason: "unauthorized",
      answer: { status: 401, body: { code: 401, msg: "A valid username/password is required.", data: null } },
    });
  });

  it.each([`Basic ${btoa("demo:")}`, `Basic ${btoa(":secret")}`])("a user or a password alone is accepted (%s)", (authorization) => {
    expect(behaviour.decide(requestFromUrl("GET", "/api/info", { authorization }))).toMatchObject({ kind: "serve" });
  });

  it("an unknown path is served (the engine answers 404), HEAD is decided as GET", () => {
    expect(behaviour.decide(requestFromUrl("GET", "/nope", AUTH))).toMatchObject({ kind: "serve", operation: undefined });
    expect(behaviour.decide(requestFromUrl("HEAD", "/api/info", AUTH))).toMatchObject({ kind: "serve", operation: { method: "get", path: "/api/info" } });
  });
});

describe("scenarios", () => {
  it("rate limit: N per second per credential, then the documented 429 with Retry-After ≥ 1 whole seconds", () => {
    let now = 1_000_000;
    const limited = createMockBehaviour(spec, { rateLimit: 3, now: () => now });
    const call = (user: string) => limited.decide(requestFromUrl("GET", "/api/info", { authorization: `Basic ${btoa(`${user}:x`)}` }));
    expect([call("a"), call("a"), call("a")].map((d) => d.kind)).toEqual(["serve", "serve", "serve"]);
    const refused = call("a");
    expect(refused).toMatchObject({ kind: "answer", reason: "rate-limited", answer: { status: 429, body: { code: 429, data: null } } });
    expect((refused as { answer: { headers: Record<string, string> } }).answer.headers["retry-after"]).toBe("1");
    expect(call("b").kind).toBe("serve");
    now += 999;
    expect(call("a").kind).toBe("answer");
    now += 1;
    expect(call("a").kind).toBe("serve");
  });

  it("fail rate: that share of requests gets the documented 500", () => {
    let i = 0;
    const draws = [0.05, 0.5, 0.15, 0.95];
    const failing = createMockBehaviour(spec, { failRate: 0.2, random: () => draws[i++ % draws.length]! });
    const kinds = draws.map(() => failing.decide(requestFromUrl("GET", "/api/info", AUTH)));
    expect(kinds.map((d) => (d.kind === "answer" ? d.answer.status : 200))).toEqual([500, 200, 500, 200]);
    expect(kinds[0]).toMatchObject({ answer: { body: { code: 500, data: null } } });
  });

  it("latency: a fixed delay or one drawn from MIN-MAX, on every answer", () => {
    expect(createMockBehaviour(spec, { latency: 250 }).decide(requestFromUrl("POST", "/api/info", AUTH)).delayMs).toBe(250);
    const ranged = createMockBehaviour(spec, { latency: "100-300", random: () => 0.5 });
    expect(ranged.decide(requestFromUrl("GET", "/api/info", AUTH)).delayMs).toBe(200);
  });

  it.each([
    [() => parseLatency("abc"), "--latency"],
    [() => parseLatency("300-100"), "--latency"],
    [() => parseRateLimit("0"), "--rate-limit"],
    [() => parseRateLimit("2.5"), "--rate-limit"],
    [() => parseFailRate("1.5"), "--fail-rate"],
    [() => parseFailRate("x"), "--fail-rate"],
  ])("bad values throw ScenarioOptionError naming the option (%#)", (parse, option) => {
    expect(parse).toThrow(ScenarioOptionError);
    expect(parse).toThrow(option);
  });

  it("parses good values", () => {
    expect(parseLatency("250")).toEqual({ minMs: 250, maxMs: 250 });
    expect(parseLatency("100-800")).toEqual({ minMs: 100, maxMs: 800 });
    expect(parseRateLimit("5")).toBe(5);
    expect(parseFailRate("0.1")).toBe(0.1);
  });
});
