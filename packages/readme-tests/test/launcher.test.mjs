// The README's "Quick start" promise beyond what its server blocks check (SIGTERM to the PID of
// `pnpm start` / `pnpm mock`): a SIGINT to that PID alone (`kill -INT`, a process manager), Ctrl-C
// (SIGINT to the terminal's foreground group) and a launcher that dies without a word (SIGKILL of
// pnpm) also stop the mock, and leave nothing listening or running.
import { spawn } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { freePort, killSession, sessionAlive } from "../../../scripts/process-group.mjs";
import { blockEnv, repoRoot } from "./run-block.mjs";

const START_TIMEOUT_MS = 120_000;
const STOP_BOUND_MS = 15_000; // load-proof; the measured time is printed against the 3 s target

const children = [];
afterEach(() => {
  for (const child of children.splice(0)) killSession(child.pid);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function listening(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/live/info`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** `pnpm <script>` in a process group of its own (as a terminal runs it), resolved once the mock answers. */
async function startPnpmMock(script = "mock") {
  const port = await freePort();
  const child = spawn("pnpm", [script], {
    cwd: repoRoot,
    env: { ...blockEnv("http://127.0.0.1:1"), PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`pnpm ${script} exited ${child.exitCode}:\n${output}`);
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`pnpm ${script} did not answer on ${port} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    await sleep(100);
  }
  return { child, port };
}

async function stoppedWithin(child, port) {
  const since = Date.now();
  while (Date.now() - since < STOP_BOUND_MS) {
    if (!sessionAlive(child.pid) && !(await listening(port))) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

it.each(["mock", "start"])("SIGINT to the PID of `pnpm %s` alone stops the mock: port closed, no process left", async (script) => {
  const { child, port } = await startPnpmMock(script);
  process.kill(child.pid, "SIGINT");
  const ms = await stoppedWithin(child, port);
  console.log(`SIGINT to pnpm ${script}: the mock stopped ${ms} ms later (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});

it("Ctrl-C (SIGINT to the foreground group) stops `pnpm mock`: port closed, no process left", async () => {
  const { child, port } = await startPnpmMock();
  process.kill(-child.pid, "SIGINT");
  const ms = await stoppedWithin(child, port);
  console.log(`Ctrl-C: pnpm mock stopped ${ms} ms after SIGINT to its group (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});

it("SIGKILL of pnpm alone stops the mock it launched: port closed, no process left", async () => {
  const { child, port } = await startPnpmMock();
  process.kill(child.pid, "SIGKILL");
  const ms = await stoppedWithin(child, port);
  console.log(`SIGKILL of pnpm: the mock stopped ${ms} ms later (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});
