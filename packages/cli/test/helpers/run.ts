// Runs the built bin (bin/tikhub.mjs → dist/cli.js) as a real child process: stdout and stderr are
// pipes, so the CLI sees no terminal (compact JSON, plain progress lines).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/tikhub.mjs", import.meta.url));

export interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to the first stderr output (undefined: none) and to the exit. */
  firstStderrMs?: number;
  exitMs: number;
}

export interface RunOptions {
  /** Replaces the credentials / adds variables; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called with the child once it is spawned (to signal it). */
  onSpawn?: (child: ChildProcess) => void;
}

const live = new Set<ChildProcess>();

/** Kills every child still running (for afterEach: a failing test leaves no process behind). */
export function killChildren(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

export function run(args: string[], options: RunOptions = {}): Promise<Result> {
  const env: Record<string, string | undefined> = { ...process.env, TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo", NO_COLOR: "1" };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    let stdout = "";
    let stderr = "";
    let firstStderrMs: number | undefined;
    let exitMs = 0;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      firstStderrMs ??= performance.now() - started;
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", () => (exitMs = performance.now() - started));
    child.on("close", (code, signal) => {
      live.delete(child);
      resolve({ code, signal, stdout, stderr, firstStderrMs, exitMs });
    });
    options.onSpawn?.(child);
  });
}
