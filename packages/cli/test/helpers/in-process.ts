// Runs the built main() in this process (the code the bin runs, without a process start): for checks
// that need no real process, such as usage errors, to keep the suite fast.
import { main } from "../../dist/index.js";
import type { Result } from "./run.js";

export async function runInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo", ...env },
  };
  const code = await main(args, io);
  return { code, signal: null, stdout, stderr, exitMs: 0 };
}
