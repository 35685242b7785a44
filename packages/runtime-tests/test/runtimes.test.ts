// The packed @tikhubapi/client on every runtime it claims: one case file (smoke/cases.mjs), thin
// launchers per runtime (test/runtimes.ts), one test per runtime × case asserting what it reported.
import { type RunningMock, startMock } from "@tikhubapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIG_ID, CASES, TIMEOUT_MS } from "../smoke/cases.mjs";
import { type Consumer, prepareConsumer } from "./consumer.js";
import { launchers, RUNTIMES, type SmokeResult } from "./runtimes.js";
import { PAGE_COUNT, PAGE_SIZE, type SmokeServer, startSmokeServer } from "./smoke-server.js";

const ROOM = "7531095702089370381";
const HOST = "6796815426174960646";
const BASIC = `Basic ${Buffer.from("demo:demo").toString("base64")}`;
/** Runtimes launched at once: two overlap start-up without crowding a 2-core machine that runs other test tasks beside this one. */
const CONCURRENCY = 2;

let mock: RunningMock;
let server: SmokeServer;
let consumer: Consumer;
/** What the mock answers without the client, to compare the runtimes' results with. */
let expected: { callKeys: string[]; callInnerKeys: string[]; retryAfterMs: number };
const results = new Map<string, Promise<SmokeResult>>();

beforeAll(async () => {
  // Prism may take long to start on a loaded machine: up to 120 s, within the 180 s hook timeout.
  [mock, server, consumer] = await Promise.all([startMock({ port: 0, readyTimeoutMs: 120_000 }), startSmokeServer(), prepareConsumer()]);
  const live = await (await fetch(`${mock.url}/live/info?room_id=${ROOM}&user_id=${HOST}`, { headers: { authorization: BASIC } })).json();
  const limited = await fetch(`${mock.url}/live/info?room_id=${ROOM}&user_id=${HOST}`, { headers: { authorization: BASIC, prefer: "code=429" } });
  expected = {
    callKeys: Object.keys(live.data),
    callInnerKeys: Object.keys(live.data.data).slice(0, 20),
    retryAfterMs: Number(limited.headers.get("retry-after")) * 1000,
  };
  expect(limited.status).toBe(429);
  expect(expected.retryAfterMs).toBeGreaterThan(0);

  // Start every runtime now, CONCURRENCY at a time; each test below awaits its runtime's result.
  const slots = Array.from({ length: CONCURRENCY }, () => Promise.resolve());
  RUNTIMES.forEach((runtime, index) => {
    const slot = index % CONCURRENCY;
    const result = slots[slot].then(() => launchers[runtime](consumer, { runtime, mockUrl: mock.url, serverUrl: server.url }));
    slots[slot] = result.then(
      () => undefined,
      () => undefined,
    );
    result.catch(() => {}); // reported by the tests that await it
    results.set(runtime, result);
  });
});

afterAll(async () => {
  await printTable();
  await Promise.allSettled([mock?.close(), server?.close()]);
  consumer?.remove();
});

// biome-ignore lint/suspicious/noExplicitAny: a case's report is plain JSON from another runtime, checked field by field here
const expectations: Record<string, (value: any, runtime: string) => void> = {
  call(value) {
    expect(value.keys).toEqual(expected.callKeys);
    expect(value.innerKeys).toEqual(expected.callInnerKeys);
  },
  rateLimit(value) {
    expect(value).toMatchObject({ name: "RateLimitError", isRateLimitError: true, isTikHubError: true, status: 429, retryAfterMs: expected.retryAfterMs });
  },
  pagedWalk(value) {
    expect(value.texts).toEqual(Array.from({ length: PAGE_SIZE * PAGE_COUNT }, (_, i) => `comment ${i + 1}`));
    expect(value.pages.map((page: { hasMore: number }) => page.hasMore)).toEqual([1, 1, 0]);
  },
  bigId(value) {
    expect(value).toEqual({ roomId: BIG_ID, roomIdType: "string", small: 42, smallType: "number", nestedId: `${BIG_ID.slice(0, -1)}9` });
  },
  timeoutAborts(value, runtime) {
    expect(value.name).toBe("TimeoutError");
    expect(value.server.arrived).toBe(true);
    // The connection closed while the runtime was still running (the server waits up to 5 s after the TimeoutError).
    expect(
      value.server.closed,
      `${runtime}: the server still had the timed-out connection open 5 s after the TimeoutError (the attempt was not aborted on the wire)`,
    ).toBe(true);
    // Not cut short: the attempt lasted its timeout. (Measured by the runtime: the server sees the GET
    // later than the attempt began, after the browser's CORS preflight.)
    expect(value.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);
  },
  rawMiddleware(value) {
    expect(value).toEqual({
      status: 200,
      success: true,
      keys: expected.callKeys,
      keyIsObject: true,
      seen: ["request GET /live/info", "response /live/info 200", "request GET /api/info", "response /api/info 200"],
    });
  },
};

/** With every call settled, nothing (such as a timed-out socket) keeps a runtime's process alive: it exits by itself (within 5 s: the issue asks for 1 s, measured here at 0.01–1.5 s under a load average of 20; a leaked socket keeps it alive for minutes). */
function expectExitedByItself(result: SmokeResult): void {
  if (result.exitedAfterResultMs === undefined) return; // Chromium: a page, not a process
  expect(result.exitedAfterResultMs, `${result.runtime} (${result.version}) was still running 5 s after all its calls had settled`).not.toBeNull();
}

describe.each(RUNTIMES)("%s", (runtime) => {
  it.each(CASES)(`${runtime} × %s`, async (name) => {
    const result = await results.get(runtime)!;
    const outcome = result.results[name];
    expect(outcome, `${runtime} (${result.version}) did not report ${name}`).toBeDefined();
    expect(outcome.error, `${runtime} (${result.version}) × ${name} threw`).toBeUndefined();
    expectations[name](outcome.value, runtime);
    if (name === "timeoutAborts") expectExitedByItself(result);
  });
});

/** The runtime × case table (what the client README's "Runtimes" section shows), on the console. */
async function printTable(): Promise<void> {
  const lines = [`runtime smoke suite (packed @tikhubapi/client ${consumer?.clientVersion ?? "?"}):`];
  for (const runtime of RUNTIMES) {
    const settled = await results.get(runtime)?.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!settled || "error" in settled) {
      lines.push(`  ${runtime.padEnd(9)} did not run: ${String((settled as { error?: unknown })?.error).split("\n")[0]}`);
      continue;
    }
    const { value } = settled;
    const cells = CASES.map((name) => `${name} ${value.results[name]?.ok ? "ran" : "threw"}`);
    const exit =
      value.exitedAfterResultMs === undefined
        ? ""
        : value.exitedAfterResultMs === null
          ? ", did not exit by itself within 5 s"
          : `, exited ${value.exitedAfterResultMs} ms after its result`;
    lines.push(
      `  ${runtime.padEnd(9)} ${value.version.padEnd(20)} ${cells.join(", ")}; ${value.durationMs} ms${exit}; timeout: ${value.results.timeoutAborts?.value?.name} after ${value.results.timeoutAborts?.value?.elapsedMs} ms, server ${JSON.stringify(value.results.timeoutAborts?.value?.server ?? null)}`,
    );
  }
  console.log(lines.join("\n"));
}
