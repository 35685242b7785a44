import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { reservePort } from "./ports.js";
import { startReplayCache } from "./replay-cache.js";
import { spawnPrism } from "./prism.js";

export interface StartMockOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Answer with data generated from the schemas instead of the spec's examples. */
  dynamic?: boolean;
  /** Proxy to this upstream (e.g. https://api.tikhubapi.com/api/v1) and report every answer that violates the spec. */
  proxy?: string;
  /** The bundled spec to serve (default: the copy shipped in this package). */
  specPath?: string;
  /** How long to wait for Prism to answer, in ms (default 30000). */
  readyTimeoutMs?: number;
  /** Receives Prism's own output lines (warnings, violations in proxy mode). */
  onLog?: (line: string) => void;
}

export interface RunningMock {
  /** Base URL to give the client: `http://127.0.0.1:4010` (the mock serves the paths at its root). */
  url: string;
  port: number;
  /** Prism's process id. */
  pid: number;
  /** Stops Prism and waits until its process has exited. */
  close(): Promise<void>;
}

export class MockStartError extends Error {
  override name = "MockStartError";
}

function defaultSpecPath(): string {
  // dist/index.js → dist/openapi.json; src/*.ts (tests) → the repo's bundle.
  for (const candidate of ["./openapi.json", "../dist/openapi.json", "../../../openapi/dist/openapi.json"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new MockStartError("no bundled spec found: run `pnpm build` from the repository root");
}

/**
 * Starts a real Prism process over the bundled spec and resolves once it answers HTTP. With the spec's
 * examples (the default) Prism listens on a private loopback port behind a replay cache on the public
 * one (see replay-cache.ts); dynamic and proxy modes serve Prism directly, as every answer differs.
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const requested = options.port ?? 4010;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) throw new MockStartError(`port must be an integer from 0 to 65535, got ${String(options.port)}`);
  if (options.proxy !== undefined && !/^https?:\/\/[^/]/.test(options.proxy)) throw new MockStartError(`--proxy must be an http(s) URL, got "${options.proxy}"`);
  const specPath = options.specPath ?? defaultSpecPath();
  if (!existsSync(specPath)) throw new MockStartError(`spec not found at ${specPath}`);
  const cached = !options.dynamic && !options.proxy;
  const prismHost = cached ? "127.0.0.1" : host;
  let port: number;
  let prismPort: number;
  let front: Server | undefined;
  if (cached) {
    // The public port is held by the replay cache from here on, so nothing can take it meanwhile.
    prismPort = await reservePort(prismHost, 0);
    front = await startReplayCache({ host, port: requested, upstreamPort: prismPort });
    port = (front.address() as AddressInfo).port;
  } else {
    port = prismPort = await reservePort(host, requested);
  }
  const child = spawnPrism({ specPath, host: prismHost, port: prismPort, dynamic: options.dynamic, proxyUrl: options.proxy });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const urlHost = (h: string) => (h.includes(":") ? `[${h}]` : h === "0.0.0.0" ? "127.0.0.1" : h);
  const url = `http://${urlHost(host)}:${port}`;
  const prismUrl = `http://${urlHost(prismHost)}:${prismPort}`;
  const close = async () => {
    if (front) {
      const closed = new Promise((resolve) => front!.close(resolve));
      front.closeAllConnections();
      await closed;
    }
    await stopProcess(child);
  };
  try {
    await waitUntilAnswering(child, options.readyTimeoutMs ?? 30_000, output, options.proxy ? () => tcpProbe(urlHost(prismHost), prismPort) : () => httpProbe(prismUrl));
  } catch (error) {
    await close();
    throw error;
  }
  return { url, port, pid: child.pid!, close };
}

/** Any HTTP answer (even a 404 for this path) means Prism is serving. */
async function httpProbe(url: string): Promise<void> {
  await fetch(`${url}/__tikhub_mock_ready`, { signal: AbortSignal.timeout(1000) });
}

/** In proxy mode an HTTP probe would be forwarded upstream: accepting a connection is enough. */
function tcpProbe(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ""), port }, () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

async function waitUntilAnswering(child: ChildProcess, timeoutMs: number, output: string[], probe: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new MockStartError(`Prism exited (code ${exited}) before answering:\n${output.join("\n")}`);
    try {
      await probe();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new MockStartError(`Prism did not answer within ${timeoutMs} ms:\n${output.join("\n")}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
