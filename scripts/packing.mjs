// Packing helpers shared by the release dry-run (scripts/release-check.mjs), the runtime smoke
// suite (packages/runtime-tests) and the packed installs of the mock/msw tests (scripts/packed-install.mjs):
// `pnpm pack` a workspace package as npm will see it, and run npm with its own defaults.
import { spawnSync } from "node:child_process";

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...options });
  return {
    status: result.status ?? (result.error ? 127 : 1),
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
    output: `${result.stdout ?? ""}${result.stderr ?? ""}`,
    error: result.error,
  };
}

/** `pnpm pack` of the package in `pkgDir` into `destination` (workspace:* ranges rewritten). Returns the run and, when it worked, `pnpm pack --json`'s answer ({ filename, files, … }). */
export function pnpmPack(pkgDir, destination) {
  const packed = run("pnpm", ["pack", "--pack-destination", destination, "--json"], { cwd: pkgDir });
  const info = packed.status === 0 ? JSON.parse(packed.stdout.slice(packed.stdout.indexOf("{"))) : null;
  return { ...packed, info };
}

/** The environment npm runs with: pnpm's npm_config_* / npm_package_* variables removed, so npm uses its own defaults (its default registry). */
export function npmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_|PNPM_)/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}
