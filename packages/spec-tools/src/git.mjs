// Small synchronous git calls for the spec tools (no shell: arguments are passed as they are).
import { spawnSync } from "node:child_process";
import { SpecToolError } from "./errors.mjs";

/** stdout of `git …` trimmed, or null when git fails. */
export function gitOrNull(cwd, args) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new SpecToolError(`cannot run git: ${result.error.message}`);
  return result.status === 0 ? result.stdout.trim() : null;
}

/** stdout of `git …` trimmed; throws naming the command and git's message. */
export function git(cwd, args) {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new SpecToolError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new SpecToolError(`git ${args.join(" ")} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}
