// Stops the mock when the process that launched it goes away.
//
// `pnpm mock` runs `sh -c "…"`, and `npx tikhub-mock` runs `sh -c tikhub-mock`. npm forwards a
// SIGTERM to that shell only, and pnpm before 12.6 killed the shell and exited: the signal never
// reached the mock, which kept listening, re-parented to PID 1 (the same happens when pnpm, npm or
// the shell is SIGKILLed). So the launcher chain (the parent, and while it is a shell, its parent) is
// recorded at start, and `onGone` runs once when one of them exits or the mock is re-parented.
// Not when SIGHUP is ignored (`nohup tikhub-mock &`): then outliving the shell is what was asked for.
// (pnpm ≥ 12.6, which this repository pins, relays SIGINT and SIGTERM to the script itself.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const SHELLS = /^(sh|bash|dash|zsh|ash|ksh)$/;
const POLL_MS = 200;

function processInfo(pid: number): { name: string; ppid: number } | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    return { name: stat.slice(stat.indexOf("(") + 1, close), ppid: Number(stat.slice(close + 2).split(" ")[1]) };
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=,comm=", "-p", String(pid)], { encoding: "utf8" });
    const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? "");
    return match ? { ppid: Number(match[1]), name: match[2].trim().split("/").pop() ?? "" } : undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sighupIgnored(): boolean {
  try {
    const mask = /^SigIgn:\s*([0-9a-f]+)$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return mask !== undefined && (BigInt(`0x${mask}`) & 1n) === 1n;
  } catch {
    return false;
  }
}

/** The launchers to watch: the parent, and while the parent is a shell, its parent too (at most 3). */
export function launcherChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 3) {
    chain.push(pid);
    const info = processInfo(pid);
    if (!info || !SHELLS.test(info.name)) break;
    pid = info.ppid;
  }
  return chain;
}

/** Calls `onGone` once when the mock is re-parented or a launcher in the chain exits. Returns a function that stops watching. */
export function watchLauncher(onGone: () => void): () => void {
  const chain = sighupIgnored() ? [] : launcherChain();
  if (chain.length === 0) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === chain[0] && chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
