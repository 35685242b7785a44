import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { alive, childPids, runCli, waitFor } from "./process-helpers.js";

const AUTH = { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` };

describe("tikhub-mock CLI", () => {
  it("starts, prints the URL and a hint, answers, and on SIGTERM exits 0 leaving no Prism process", async () => {
    const run = runCli(["--port", "0"]);
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1]);
    expect(run.stdout()).toMatch(/Prefer: code=429/);
    const response = await fetch(`${url}/api/info`, { headers: AUTH });
    expect(response.status).toBe(200);
    expect((await response.json()).data.plan).toBe("Pro");
    const prismPids = await childPids(run.child.pid!);
    expect(prismPids.length).toBeGreaterThan(0);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    await waitFor(() => prismPids.every((pid) => !alive(pid)), 5000);
    await expect(fetch(`${url}/api/info`, { headers: AUTH })).rejects.toThrow();
  });

  it("SIGINT stops it the same way", async () => {
    const run = runCli(["--port", "0"]);
    await waitFor(() => /listening on/.test(run.stdout()));
    const prismPids = await childPids(run.child.pid!);
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    await waitFor(() => prismPids.every((pid) => !alive(pid)), 5000);
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
    await waitFor(() => run.stdout().includes(`:${port}`));
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it.each([
    [["--port", "abc"], /--port must be a number/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["--proxy", "ftp://x"], /--proxy must be an http\(s\) URL/],
  ])("bad input %j → one line naming it, no stack trace", async (args, message) => {
    const run = runCli(args as string[]);
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it("--help prints the usage", async () => {
    const run = runCli(["--help"]);
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("--dynamic");
    expect(run.stdout()).toContain("--proxy");
  });
});

describe("--proxy: the drift detector", () => {
  let upstream: Server;
  let upstreamUrl: string;
  beforeAll(async () => {
    upstream = createServer((req, res) => {
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
    const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1]);
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
