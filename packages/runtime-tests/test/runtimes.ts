// Where each runtime's binary is (registry packages installed in ../runtimes by scripts/ensure-runtimes.mjs, resolved from
// their platform packages so no postinstall is needed) and how the smoke cases are launched on it.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { launchChromium } from "../../../scripts/ensure-browser.mjs";
import { nodeBinary } from "../../../scripts/ensure-runtimes.mjs";
import type { Consumer } from "./consumer.js";

export interface SmokeConfig {
  runtime: string;
  mockUrl: string;
  serverUrl: string;
}

export interface CaseResult {
  ok: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: plain JSON printed by another runtime
  value?: Record<string, unknown> & { [key: string]: any };
  error?: { name?: string; message: string };
}

export interface SmokeResult {
  runtime: string;
  version: string;
  results: Record<string, CaseResult>;
  /** From launch to result. */
  durationMs?: number;
  /** How long the process took to exit by itself after printing its result; null: it did not within EXIT_GRACE_MS (killed). Not for workerd/Chromium. */
  exitedAfterResultMs?: number | null;
}

const binariesPackage = fileURLToPath(new URL("../runtimes/package.json", import.meta.url));
const requireBinaries = createRequire(binariesPackage);
const LAUNCH_TIMEOUT_MS = 90_000;

/** The directory of `name`, resolved from the package that depends on it (pnpm keeps optional platform packages beside it). */
function packageDir(name: string, from = binariesPackage): string {
  return dirname(realpathSync(createRequire(from).resolve(`${name}/package.json`)));
}

function existing(path: string, what: string): string {
  if (!existsSync(path))
    throw new Error(
      `${what} not found at ${path}: run \`node scripts/ensure-runtimes.mjs\` (the binaries come from the npm registry packages in packages/runtime-tests/runtimes)`,
    );
  return path;
}

const platform = `${process.platform}-${process.arch}`;
const BUN_PLATFORM: Record<string, string> = {
  "linux-x64": "@oven/bun-linux-x64",
  "linux-arm64": "@oven/bun-linux-aarch64",
  "darwin-arm64": "@oven/bun-darwin-aarch64",
  "darwin-x64": "@oven/bun-darwin-x64",
};
const DENO_PLATFORM: Record<string, string> = {
  "linux-x64": "@deno/linux-x64-glibc",
  "linux-arm64": "@deno/linux-arm64-glibc",
  "darwin-arm64": "@deno/darwin-arm64",
  "darwin-x64": "@deno/darwin-x64",
};

export const binaries = {
  node20: () => process.execPath,
  node18: () => nodeBinary(18),
  node22: () => nodeBinary(22),
  node24: () => nodeBinary(24),
  node26: () => nodeBinary(26),
  bun: () => existing(join(packageDir(BUN_PLATFORM[platform] ?? `@oven/bun-${platform}`, join(packageDir("bun"), "package.json")), "bin", "bun"), "Bun"),
  deno: () => existing(join(packageDir(DENO_PLATFORM[platform] ?? `@deno/${platform}`, join(packageDir("deno"), "package.json")), "deno"), "Deno"),
  miniflare: () => requireBinaries.resolve("miniflare"),
};

/** How long a runtime may take to exit by itself once it printed its result (then it is killed). */
const EXIT_GRACE_MS = 5_000;

/**
 * Runs `command` in its own process group and resolves with its SMOKE_RESULT line as soon as it is
 * printed, plus whether the process then exited by itself within EXIT_GRACE_MS (a socket left open
 * keeps a runtime alive). The group is killed in every case.
 */
function launch(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<SmokeResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let result: SmokeResult | undefined;
    let resultAt = 0;
    let graceTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    };
    const finish = (exitedAfterResultMs: number | null) => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      kill(); // anything the runtime left behind in its group
      resolve({ ...result!, durationMs: resultAt - started, exitedAfterResultMs });
    };
    const timer = setTimeout(() => {
      kill();
      reject(
        new Error(
          `${command} ${args[0]} printed no SMOKE_RESULT within ${LAUNCH_TIMEOUT_MS} ms\nstdout: ${stdout.slice(-4000)}\nstderr: ${stderr.slice(-4000)}`,
        ),
      );
    }, LAUNCH_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = result ? undefined : stdout.split("\n").find((l, i, all) => l.startsWith("SMOKE_RESULT ") && i < all.length - 1);
      if (!line) return;
      result = JSON.parse(line.slice("SMOKE_RESULT ".length));
      resultAt = Date.now();
      graceTimer = setTimeout(() => finish(null), EXIT_GRACE_MS);
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      if (result) return finish(Date.now() - resultAt);
      clearTimeout(timer);
      kill();
      reject(new Error(`${command} exited ${code} without a SMOKE_RESULT line\nstdout: ${stdout.slice(-4000)}\nstderr: ${stderr.slice(-4000)}`));
    });
  });
}

const processEntry = (config: SmokeConfig) => ["process-entry.mjs", JSON.stringify(config)];

export const launchers: Record<string, (consumer: Consumer, config: SmokeConfig) => Promise<SmokeResult>> = {
  node18: (consumer, config) => launch(binaries.node18(), processEntry(config), { cwd: consumer.dir }),
  node20: (consumer, config) => launch(binaries.node20(), processEntry(config), { cwd: consumer.dir }),
  node22: (consumer, config) => launch(binaries.node22(), processEntry(config), { cwd: consumer.dir }),
  node24: (consumer, config) => launch(binaries.node24(), processEntry(config), { cwd: consumer.dir }),
  node26: (consumer, config) => launch(binaries.node26(), processEntry(config), { cwd: consumer.dir }),
  bun: (consumer, config) =>
    launch(binaries.bun(), ["run", ...processEntry(config)], {
      cwd: consumer.dir,
      env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0", DO_NOT_TRACK: "1" },
    }),
  deno: (consumer, config) =>
    launch(binaries.deno(), ["run", "--no-prompt", "--allow-net=127.0.0.1", `--allow-read=${consumer.dir}`, ...processEntry(config)], {
      cwd: consumer.dir,
      env: { DENO_DIR: join(consumer.dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" },
    }),
  workerd: (consumer, config) =>
    launch(
      binaries.node22(),
      [fileURLToPath(new URL("../smoke/workerd-launcher.mjs", import.meta.url)), binaries.miniflare(), consumer.workerBundle, JSON.stringify(config)],
      { cwd: consumer.dir },
    ),
  chromium: (consumer, config) => inChromium(consumer, config),
};

export const RUNTIMES = Object.keys(launchers);

const TYPES: Record<string, string> = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json" };

/** The page is served from its own origin (127.0.0.1, another port): every call to the mock and the smoke server is cross-origin, with a CORS preflight (Authorization is not safelisted). */
async function inChromium(consumer: Consumer, config: SmokeConfig): Promise<SmokeResult> {
  const started = Date.now();
  const browser = await launchChromium(chromium); // first: a missing browser fails before anything is left to close
  const pages = createServer((req, res) => {
    const path = normalize(join(consumer.dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.replace(/^\/$/, "/index.html"))));
    if (!path.startsWith(consumer.dir) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  try {
    const tab = await browser.newPage();
    const console: string[] = [];
    tab.on("console", (message) => console.push(`${message.type()}: ${message.text()}`));
    tab.on("pageerror", (error) => console.push(`pageerror: ${error.message}`));
    await tab.goto(`http://127.0.0.1:${(pages.address() as AddressInfo).port}/#${encodeURIComponent(JSON.stringify(config))}`);
    try {
      await tab.waitForFunction(() => (window as unknown as { smokeResult?: unknown }).smokeResult !== undefined, undefined, { timeout: LAUNCH_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`the page did not finish: ${String(error)}\n${console.join("\n")}`);
    }
    const result = await tab.evaluate(() => (window as unknown as { smokeResult: SmokeResult & { error?: string } }).smokeResult);
    if ((result as { error?: string }).error) throw new Error(`the page failed: ${(result as { error?: string }).error}\n${console.join("\n")}`);
    return { ...result, version: `Chromium ${browser.version()}`, durationMs: Date.now() - started };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => pages.close(() => resolve()));
  }
}
