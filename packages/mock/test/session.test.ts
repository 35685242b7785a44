// The mock over a whole session: ready means ready, misuse breaks nothing, scenarios.
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../src/index.js";
import { freePort, killGroups, runCli, waitFor } from "./process-helpers.js";

const AUTH = { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` };
const LIVE = "/live/info?room_id=7531095702089370381&user_id=6796815426174960646";

afterEach(killGroups);

describe("ready means ready", () => {
  it("from launch to the first answer a poller (every 50 ms) sees refused connections, then 200s: never a 5xx or other non-2xx", async () => {
    const port = await freePort();
    const launched = performance.now();
    const run = runCli(["--port", String(port)]);
    const statuses: number[] = [];
    let refused = 0;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${LIVE}`, { headers: AUTH, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        statuses.push(response.status);
        if (response.status === 200) break;
      } catch {
        refused++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    console.log(
      `launch → first 200: ${(performance.now() - launched).toFixed(0)} ms; ${refused} refused connections, ${statuses.length - 1} non-2xx answers before it`,
    );
    expect(statuses).toEqual([200]);
    expect(refused).toBeGreaterThan(0);
    // The listening line comes with the port: by the first answer it is printed.
    await waitFor(() => /listening on/.test(run.stdout()), 10_000);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});

describe("misuse", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());

  it("70 aborted 10 MB uploads free everything: a GET never seen before answers in under 1 s", async () => {
    const { port } = mock;
    // Prism compiles an operation's validators on its first request: warm this one (another id) first.
    expect((await fetch(`${mock.url}/video/info?video_id=7560175324038728000`, { headers: AUTH })).status).toBe(200);
    await Promise.all(
      Array.from(
        { length: 70 },
        (_, i) =>
          new Promise<void>((resolve) => {
            const socket = connect({ host: "127.0.0.1", port }, () => {
              socket.write(
                `POST /live/info?n=${i} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH.authorization}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`,
              );
              socket.write(Buffer.alloc(1024, 120), () => {
                socket.destroy();
                resolve();
              });
            });
            socket.on("error", () => resolve());
          }),
      ),
    );
    const started = performance.now();
    const response = await fetch(`${mock.url}/video/info?video_id=7560175324038728001`, { headers: AUTH });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get("x-tikhub-mock-cache")).toBe("miss");
    console.log(`GET after 70 aborted uploads: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(1000);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s → 405 with Allow and the API's envelope, even with a 10 MB body announced", async (method) => {
    const response = await fetch(`${mock.url}/live/info`, { method, headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify({ a: 1 }) });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ code: 405, msg: `Method Not Allowed: ${method} is not supported here (Allow: GET, HEAD, OPTIONS)`, data: null });
  });

  it("a 10 MB announced upload gets its 405 at once, without the body", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port: mock.port }, () => {
        socket.write(`POST /api/info HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`);
      });
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk;
        if (text.includes("\r\n\r\n") && text.includes("}")) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toMatch(/\r\nallow: GET, HEAD, OPTIONS\r\n/i);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  });

  it("HEAD answers like GET without a body", async () => {
    const response = await fetch(`${mock.url}/api/info`, { method: "HEAD", headers: AUTH });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it.each([
    ["empty user and password (Basic Og==)", "Basic Og=="],
    ["Bearer", "Bearer abc"],
  ])("credentials %s → the documented 401", async (_name, authorization) => {
    const response = await fetch(`${mock.url}${LIVE}`, { headers: { authorization } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, msg: "A valid username/password is required.", data: null });
  });

  it("an unknown path is a 404, not a 405", async () => {
    const response = await fetch(`${mock.url}/nope`, { method: "POST", headers: AUTH });
    expect(response.status).toBe(404);
  });
});

describe("scenarios", () => {
  it("--latency MIN-MAX delays every answer (CLI), and the listening line says so", async () => {
    const run = runCli(["--port", "0", "--latency", "400-500"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    expect(run.stdout()).toMatch(/latency 400-500 ms/);
    for (const init of [{ headers: AUTH }, { headers: AUTH, method: "POST" }, {}]) {
      const started = performance.now();
      const response = await fetch(`${url}/api/info`, init);
      await response.arrayBuffer();
      expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it("startMock({ latency }) delays a fixed time", async () => {
    const mock = await startMock({ port: 0, latency: 300 });
    try {
      const started = performance.now();
      expect((await fetch(`${mock.url}/api/info`, { headers: AUTH })).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    } finally {
      await mock.close();
    }
  });

  it("--rate-limit N: beyond N requests a second per credential, the documented 429 with Retry-After ≥ 1 whole seconds", async () => {
    const run = runCli(["--port", "0", "--rate-limit", "2"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${url}/api/info`, { headers: AUTH })));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    for (const response of limited) {
      expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(await response.json()).toEqual({ code: 429, msg: "API Key Rate-Limit reached.", data: null });
    }
    // Another credential has its own budget.
    const other = await fetch(`${url}/api/info`, { headers: { authorization: `Basic ${Buffer.from("other:x").toString("base64")}` } });
    expect(other.status).toBe(200);
    // Once the window reopens, the first credential is served again.
    const retryAfter = Number(limited[0]!.headers.get("retry-after"));
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50));
    expect((await fetch(`${url}/api/info`, { headers: AUTH })).status).toBe(200);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it("--fail-rate 1 fails every request with the documented 500; 0 none", async () => {
    const failing = await startMock({ port: 0, failRate: "1" });
    const healthy = await startMock({ port: 0, failRate: 0 });
    try {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${failing.url}${LIVE}`, { headers: AUTH });
        expect(response.status).toBe(500);
        expect(await response.json()).toEqual({ code: 500, msg: "Server error", data: null });
        expect((await fetch(`${healthy.url}${LIVE}`, { headers: AUTH })).status).toBe(200);
      }
    } finally {
      await failing.close();
      await healthy.close();
    }
  });

  it("--fail-rate 0.5 fails some and serves some", async () => {
    const mock = await startMock({ port: 0, failRate: 0.5 });
    try {
      const statuses = await Promise.all(Array.from({ length: 60 }, () => fetch(`${mock.url}/api/info`, { headers: AUTH }).then((r) => r.status)));
      // P(all 60 the same) = 2 × 0.5^60: never in practice.
      expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200 || s === 500)).toBe(true);
    } finally {
      await mock.close();
    }
  });

  it("startMock rejects bad scenario values with a MockStartError naming the option", async () => {
    await expect(startMock({ port: 0, failRate: 3 })).rejects.toThrow(/--fail-rate must be a number from 0 to 1/);
    await expect(startMock({ port: 0, latency: "x" })).rejects.toThrow(/--latency/);
    await expect(startMock({ port: 0, rateLimit: -1 })).rejects.toThrow(/--rate-limit/);
  });
});
