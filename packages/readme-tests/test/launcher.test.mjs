// The README's "Quick start" promise beyond what its server blocks check (SIGTERM to the PID of
// `pnpm start` / `pnpm mock`): a SIGINT to that PID alone (`kill -INT`, a process manager), Ctrl-C
// typed into a real terminal (a pty, test/in-terminal.py) and a launcher that dies without a word
// (SIGKILL of pnpm) also stop the mock, and leave nothing listening or running.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { freePort, killSession, sessionAlive } from "../../../scripts/process-group.mjs";
import { blockEnv, repoRoot } from "./run-block.mjs";

const START_TIMEOUT_MS = 120_000;
const STOP_BOUND_MS = 15_000; // load-proof; the measured time is printed against the 3 s target

const children = [];
const pids = [];
afterEach(() => {
  for (const pid of pids.splice(0)) killSession(pid);
  for (const child of children.splice(0)) child.kill("SIGKILL");
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

/**
 * `pnpm <script>` in a session of its own, resolved once the mock answers: `pid` is pnpm's (and the
 * session's). In a terminal (`inTerminal`), `child` is the pty runner and `pid` comes from its first line.
 */
async function startPnpmMock(script = "mock", { inTerminal = false } = {}) {
  const port = await freePort();
  const command = inTerminal ? ["python3", [fileURLToPath(new URL("in-terminal.py", import.meta.url)), "pnpm", script]] : ["pnpm", [script]];
  const child = spawn(...command, {
    cwd: repoRoot,
    env: { ...blockEnv("http://127.0.0.1:1"), PORT: String(port) },
    detached: !inTerminal,
    stdio: [inTerminal ? "pipe" : "ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  let pid = inTerminal ? undefined : child.pid;
  if (pid !== undefined) pids.push(pid);
  while (pid === undefined || !(await listening(port))) {
    if (pid === undefined) {
      pid = Number(/^pid (\d+)\r?$/m.exec(output)?.[1]) || undefined;
      if (pid !== undefined) pids.push(pid);
    }
    if (child.exitCode !== null) throw new Error(`pnpm ${script} exited ${child.exitCode}:\n${output}`);
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`pnpm ${script} did not answer on ${port} within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    await sleep(100);
  }
  return { child, pid, port };
}

async function stoppedWithin(pid, port) {
  const since = Date.now();
  while (Date.now() - since < STOP_BOUND_MS) {
    if (!sessionAlive(pid) && !(await listening(port))) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

it.each(["mock", "start"])("SIGINT to the PID of `pnpm %s` alone stops the mock: port closed, no process left", async (script) => {
  const { pid, port } = await startPnpmMock(script);
  process.kill(pid, "SIGINT");
  const ms = await stoppedWithin(pid, port);
  console.log(`SIGINT to pnpm ${script}: the mock stopped ${ms} ms later (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});

it.each(["mock", "start"])("Ctrl-C in a terminal stops `pnpm %s`: port closed, no process left", async (script) => {
  const { child, pid, port } = await startPnpmMock(script, { inTerminal: true });
  child.stdin.write("ctrl-c\n");
  const ms = await stoppedWithin(pid, port);
  console.log(`Ctrl-C in a terminal: pnpm ${script} and the mock stopped ${ms} ms later (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});

it("SIGKILL of pnpm alone stops the mock it launched: port closed, no process left", async () => {
  const { pid, port } = await startPnpmMock();
  process.kill(pid, "SIGKILL");
  const ms = await stoppedWithin(pid, port);
  console.log(`SIGKILL of pnpm: the mock stopped ${ms} ms later (target < 3000 ms)`);
  expect(ms).not.toBeNull();
});
