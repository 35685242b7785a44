import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createMockBehaviour, type Latency, type OpenApiSpec, ScenarioOptionError } from "@tikhubapi/mock-behaviour";
import { createFront } from "./http-front.js";
import { PortInUseError } from "./ports.js";
import type { PrismEngine } from "./prism-engine.js";

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
  /** Delay every answer: ms (250), or a range "MIN-MAX" ("100-800") / { minMs, maxMs }. */
  latency?: number | string | Latency;
  /** At most N requests per second per credential; beyond, the documented 429 with Retry-After. */
  rateLimit?: number | string;
  /** Share (0–1) of requests answered with the documented 500. */
  failRate?: number | string;
  /** Kept for compatibility: Prism runs in-process, so the mock is ready once startMock resolves. */
  readyTimeoutMs?: number;
  /** Receives the mock's report lines (spec violations in proxy mode). */
  onLog?: (line: string) => void;
}

export interface RunningMock {
  /** Base URL to give the client: `http://127.0.0.1:4010` (the mock serves the paths at its root). */
  url: string;
  port: number;
  /** The id of the process that serves (this one: Prism runs in-process, no child). */
  pid: number;
  /** Stops listening, closes every connection, and resolves once the port is free. */
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
 * Starts the mock: Prism as a library in this process over the bundled spec, behind the shared
 * behaviour (paging, scenarios, credentials, 405). Resolves once the port listens, when the first
 * request is answered correctly: the spec is loaded before the port opens.
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const requested = options.port ?? 4010;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535)
    throw new MockStartError(`port must be an integer from 0 to 65535, got ${String(options.port)}`);
  if (options.proxy !== undefined && !/^https?:\/\/[^/]/.test(options.proxy))
    throw new MockStartError(`--proxy must be an http(s) URL, got "${options.proxy}"`);
  const specPath = options.specPath ?? defaultSpecPath();
  if (!existsSync(specPath)) throw new MockStartError(`spec not found at ${specPath}`);
  let spec: OpenApiSpec;
  try {
    spec = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiSpec;
  } catch (error) {
    throw new MockStartError(`cannot read the spec at ${specPath}: ${(error as Error).message}`);
  }
  let behaviour: ReturnType<typeof createMockBehaviour> | undefined;
  try {
    behaviour = options.proxy ? undefined : createMockBehaviour(spec, { latency: options.latency, rateLimit: options.rateLimit, failRate: options.failRate });
  } catch (error) {
    if (error instanceof ScenarioOptionError) throw new MockStartError(error.message);
    throw error;
  }
  let engine: PrismEngine;
  try {
    // Loaded on demand: Prism takes about a second to load, which --help and bad flags need not wait for.
    const { createPrismEngine } = await import("./prism-engine.js");
    engine = await createPrismEngine({ specPath, dynamic: options.dynamic, proxy: options.proxy });
  } catch (error) {
    throw new MockStartError(`Prism could not load the spec at ${specPath}: ${(error as Error).message}`);
  }
  const server = createFront({
    engine,
    behaviour,
    cache: !options.dynamic && !options.proxy,
    dynamic: options.dynamic,
    onViolation: options.onLog,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" || error.code === "EACCES" ? new PortInUseError(host, requested) : error),
    );
    server.listen({ host, port: requested, exclusive: true }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { url: `http://${urlHost}:${port}`, port, pid: process.pid, close };
}
