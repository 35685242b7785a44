// Child processes that clean up after themselves, shared by the README tests (packages/readme-tests),
// the docs' code-sample runner (docs/test/helpers/run-samples.mjs) and the benchmark (bench/run.mjs).
//
// A child spawned with `detached: true` leads a new session and process group. pnpm ≥ 12.6 runs a
// script in a process group of its own inside that session, so "everything the command started" is
// the session, not the group: sessionAlive/killSession look at the session (Linux /proc; where there
// is no /proc, at the group).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Sends `signal` to every process of the group `pid` leads (nothing if it is gone already). */
export function killGroup(pid, signal = "SIGKILL") {
  try {
    process.kill(-pid, signal);
  } catch {}
}

/** Whether any process of the group `pid` leads is still there. */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The PIDs of the running (not zombie) processes of the session `sid` leads. */
export function sessionPids(sid) {
  if (!existsSync("/proc/self/stat")) return groupAlive(sid) ? [sid] : [];
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp session …"; comm may contain spaces or parentheses.
    const [state, , , session] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state !== "Z" && Number(session) === sid) pids.push(Number(entry));
  }
  return pids;
}

/** Whether any process of the session `sid` leads is still running. */
export const sessionAlive = (sid) => sessionPids(sid).length > 0;

/** Sends `signal` to every process of the session `sid` leads, whatever group it is in. */
export function killSession(sid, signal = "SIGKILL") {
  killGroup(sid, signal);
  for (const pid of sessionPids(sid)) {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

/**
 * Runs a command in a session of its own and collects its output; the whole session is killed
 * after `timeoutMs` (timedOut: true) and once the command has exited (anything it left behind).
 * Resolves { code, signal, stdout, stderr, timedOut }, never rejects: a command that cannot start
 * resolves code null with the reason at the end of stderr.
 */
export function runInGroup(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killSession(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killSession(child.pid);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
