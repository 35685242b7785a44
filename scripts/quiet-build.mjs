// `turbo run build` for the root scripts that run a built package (`pnpm mock`, `pnpm start`,
// `pnpm tikhub`): silent when it succeeds, so their stdout is the package's own output; turbo's log
// goes to stderr when the build fails, and a note says what is happening when it takes a while.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const NOTE_AFTER_MS = 2_000;

/**
 * Builds `filters` (turbo `--filter` values; none: everything). Resolves with the exit status.
 * `handle.child` is the turbo process while it runs, so a caller can stop it.
 */
export function quietBuild(filters, what, handle = {}) {
  return new Promise((resolve) => {
    const args = ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...filters.map((f) => `--filter=${f}`)];
    const child = spawn("pnpm", args, {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" },
    });
    handle.child = child;
    let log = "";
    child.stdout.on("data", (chunk) => (log += chunk));
    child.stderr.on("data", (chunk) => (log += chunk));
    const note = setTimeout(() => process.stderr.write(`building ${what} (turbo run build; cached after the first time)…\n`), NOTE_AFTER_MS);
    child.on("error", (error) => {
      clearTimeout(note);
      process.stderr.write(`could not run turbo (pnpm exec turbo): ${error.message}. Run \`pnpm install\` first.\n`);
      resolve(1);
    });
    child.on("close", (code, signal) => {
      clearTimeout(note);
      handle.child = undefined;
      if (code !== 0) process.stderr.write(`${log}\nbuilding ${what} failed (turbo run build exited ${code ?? signal})\n`);
      resolve(code ?? 1);
    });
  });
}
