// The README's "Quick start" promise beyond what its server blocks check (SIGTERM to the PID of
// `pnpm start` / `pnpm mock`): Ctrl-C (SIGINT to the terminal's foreground group) and a launcher that
// dies without a word (SIGKILL of pnpm) also stop the mock, and leave nothing listening or running.
import { spawn } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { freePort, groupAlive, killGroup } from "../../../scripts/process-group.mjs";
import { blockEnv, repoRoot } from "./run-block.mjs";

const START_TIMEOUT_MS = 120_000;
const STOP_BOUND_MS = 15_000; // load-proof; the measured time is printed against the 3 s target

const children = [];
afterEach(() => {
  for (const child of children.splice(0)) killGroup(child.pid);
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

/** `pnpm mock` in a process group of its own (as a terminal runs it), resolved once it answers. */
async function startPnpmMock() {
  const port = await freePort();
  const child = spawn("pnpm", ["mock"], {
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
    if (child.exitCode !== null) throw new Error(`pnpm mock exited ${child.exitCode}:\n${output}`);
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`pnpm mock did not answer on ${port} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    await sleep(100);
  }
  return { child, port };
}

async function stoppedWithin(child, port) {
  const since = Date.now();
  while (Date.now() - since < STOP_BOUND_MS) {
    if (!groupAlive(child.pid) && !(await listening(port))) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

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
