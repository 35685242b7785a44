import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { childPids, killGroups, runCli, waitFor } from "./process-helpers.js";

const AUTH = { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` };

afterEach(killGroups);

describe("tikhub-mock CLI", () => {
  it("starts, prints the URL and a hint, answers at once, runs no child process, and on SIGTERM exits 0", async () => {
    const run = runCli(["--port", "0"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    await waitFor(() => /__code=429/.test(run.stdout()), 10_000);
    expect(run.stdout()).toMatch(/Prefer: code=429/);
    const response = await fetch(`${url}/api/info`, { headers: AUTH });
    expect(response.status).toBe(200);
    expect((await response.json()).data.plan).toBe("Pro");
    expect(await childPids(run.child.pid!)).toEqual([]);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/api/info`, { headers: AUTH })).rejects.toThrow();
  });

  it("SIGINT stops it the same way", async () => {
    const run = runCli(["--port", "0"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    await expect(fetch(`${url}/api/info`, { headers: AUTH })).rejects.toThrow();
  });

  it("SIGKILL leaves nothing behind: no process of its group, the port closed", async () => {
    const run = runCli(["--port", "0"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    const pid = run.child.pid!;
    expect(await childPids(pid)).toEqual([]);
    run.child.kill("SIGKILL");
    await run.exited;
    const groupAlive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The bound: within 2 s no process of the mock is left (here at once: there is no child).
    await waitFor(() => !groupAlive(), 2000);
    await expect(fetch(`${url}/api/info`, { headers: AUTH })).rejects.toThrow();
  });

  it("a port in use: one clear line, exit code ≠ 0, no stack trace", async () => {
    const mock = await startMock({ port: 0 });
    try {
      const run = runCli(["--port", String(mock.port)]);
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(run.stderr().trim().split("\n")).toHaveLength(1);
      expect(run.stderr()).toMatch(new RegExp(`port ${mock.port} .*already in use`));
      expect(run.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      await mock.close();
    }
  });

  it("takes the port from PORT", async () => {
    const probe = await startMock({ port: 0 });
    const port = probe.port;
    await probe.close();
    const run = runCli([], { PORT: String(port) });
    await waitFor(() => run.stdout().includes(`:${port}`), 60_000);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it.each([
    [["--port", "abc"], /--port must be a number/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["--proxy", "ftp://x"], /--proxy must be an http\(s\) URL/],
    [["--latency", "soon"], /^tikhub-mock: --latency must be milliseconds .*got "soon"\n$/],
    [["--latency", "800-100"], /^tikhub-mock: --latency must be .*MIN ≤ MAX, got "800-100"\n$/],
    [["--rate-limit", "0"], /^tikhub-mock: --rate-limit must be a whole number .*got "0"\n$/],
    [["--rate-limit", "lots"], /^tikhub-mock: --rate-limit .*got "lots"\n$/],
    [["--fail-rate", "2"], /^tikhub-mock: --fail-rate must be a number from 0 to 1 .*got "2"\n$/],
    [["--fail-rate=-0.1"], /^tikhub-mock: --fail-rate .*got "-0.1"\n$/],
    [["--proxy", "https://x.invalid", "--latency", "5"], /^tikhub-mock: --latency, --rate-limit and --fail-rate apply to the mock, not to --proxy\n$/],
  ])("bad input %j → one line naming it, exit code 2, no stack trace", async (args, message) => {
    const run = runCli(args as string[]);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("--help prints the usage", async () => {
    const run = runCli(["--help"]);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("--dynamic");
    expect(run.stdout()).toContain("--proxy");
    for (const flag of ["--latency", "--rate-limit", "--fail-rate"]) expect(run.stdout()).toContain(flag);
  });
});

describe("--proxy: the drift detector", () => {
  let upstream: Server;
  let upstreamUrl: string;
  beforeAll(async () => {
    upstream = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      // Drifted: daily_limit is a string now.
      res.end(JSON.stringify({ code: 0, msg: "success", data: { username: "acme", plan: "Pro", daily_limit: "lots" } }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  it("forwards to the upstream and reports the answer's violation of the spec", async () => {
    const run = runCli(["--port", "0", "--proxy", upstreamUrl]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1], 60_000);
    try {
      const response = await fetch(`${url}/api/info`, { headers: AUTH });
      expect((await response.json()).data.daily_limit).toBe("lots");
      const violations = response.headers.get("sl-violations") ?? "";
      expect(violations).toMatch(/daily_limit/);
      await waitFor(() => /daily_limit/.test(run.stdout()), 5000);
      expect(run.stdout()).toMatch(/Violation|violation/);
    } finally {
      run.child.kill("SIGTERM");
      await run.exited;
    }
  });
});
