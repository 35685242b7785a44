// Stops this process when the one that launched it goes away.
//
// `pnpm mock` runs `sh -c "node scripts/run-mock.mjs …"`. pnpm 12 answers SIGTERM by killing that
// shell and exiting, without signalling the shell's child; SIGKILL of pnpm or of the shell does the
// same. The mock would then keep listening, re-parented to PID 1. So the launcher chain (the script
// shell, then pnpm) is recorded at start, and `onGone` runs as soon as one of them exits or this
// process is re-parented. (pnpm 12 ignores SIGINT sent to its PID alone while a script runs: that
// signal never reaches the script and cannot be observed from here; Ctrl-C in a terminal signals
// the whole foreground group, the mock included, and stops it.)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const SHELLS = /^(sh|bash|dash|zsh|ash|ksh)$/;
const POLL_MS = 200;

function processInfo(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    return { name: stat.slice(stat.indexOf("(") + 1, close), ppid: Number(stat.slice(close + 2).split(" ")[1]) };
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=,comm=", "-p", String(pid)], { encoding: "utf8" });
    const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? "");
    return match ? { ppid: Number(match[1]), name: match[2].trim().split("/").pop() } : undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The launchers to watch: the parent, and while the parent is a shell, its parent too (at most 3). */
export function launcherChain() {
  const chain = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 3) {
    chain.push(pid);
    const info = processInfo(pid);
    if (!info || !SHELLS.test(info.name)) break;
    pid = info.ppid;
  }
  return chain;
}

/** Calls `onGone` once when this process is re-parented or a launcher in the chain exits. Returns a stop function. */
export function watchLauncher(onGone) {
  const chain = launcherChain();
  if (chain.length === 0) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === chain[0] && chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
