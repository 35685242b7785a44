// The runtimes the tests run on besides the machine's Node (Node 18/22/24/26, Bun, Deno, workerd through
// Miniflare) are npm registry packages that ship their binaries, pinned in
// packages/runtime-tests/runtimes/ (package.json + pnpm-lock.yaml, an install root of its own). The
// quick start's `pnpm install` does not fetch them (~860 MB); this script installs them from that
// lockfile, from the npm registry only, the first time a test needs them.
//
//   node scripts/ensure-runtimes.mjs             install if needed, print the directory
//   node scripts/ensure-runtimes.mjs --node 24   install if needed, print the path of Node 24's `node`
//   import { ensureRuntimes, nodeBinary } from "../../scripts/ensure-runtimes.mjs"   (both synchronous)
//
// Several turbo tasks may call it at once: a lock directory serialises the installs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const runtimesDir = fileURLToPath(new URL("../packages/runtime-tests/runtimes/", import.meta.url));
const lockfile = join(runtimesDir, "pnpm-lock.yaml");
const lockDir = join(runtimesDir, ".install.lock");
// Written after a successful install: the lockfile it installed, so a changed lockfile reinstalls.
const stamp = join(runtimesDir, "node_modules", ".installed-lockfile");
const STALE_LOCK_MS = 10 * 60_000;

function installed() {
  return existsSync(stamp) && readFileSync(stamp, "utf8") === readFileSync(lockfile, "utf8");
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        // A lock left by a killed install does not block forever.
        if (Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      } catch {}
      sleep(500);
    }
  }
}

/** Installs the runtime binaries if they are missing or older than the lockfile; returns their directory. */
export function ensureRuntimes() {
  if (installed()) return runtimesDir;
  acquireLock();
  try {
    if (installed()) return runtimesDir;
    console.error(
      "ensure-runtimes: installing the test runtimes (Node 18/22/24/26, Bun, Deno, workerd; ~860 MB) from the npm registry into packages/runtime-tests/runtimes/node_modules…",
    );
    const pnpm = spawnSync("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"], {
      cwd: runtimesDir,
      // stdout carries the answer of `--node`: pnpm's progress goes to stderr.
      stdio: ["ignore", 2, 2],
      env: { ...process.env, npm_config_loglevel: "warn" },
    });
    if (pnpm.error || pnpm.status !== 0) {
      throw new Error(
        `pnpm install in ${runtimesDir} failed (${pnpm.error?.message ?? `exit ${pnpm.status}`}): the runtimes come from the npm registry, which must be reachable`,
      );
    }
    writeFileSync(stamp, readFileSync(lockfile, "utf8"));
    return runtimesDir;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

const NODE_ALIASES = { 18: "node18", 22: "node22", 24: "node24", 26: "node26" };

/** The absolute path of the `node` binary of `major` (18, 22, 24 or 26), installing the runtimes if needed. */
export function nodeBinary(major) {
  const alias = NODE_ALIASES[Number(major)];
  if (!alias)
    throw new Error(
      `no Node ${major} among the test runtimes: choose one of ${Object.keys(NODE_ALIASES).join(", ")} (packages/runtime-tests/runtimes/package.json)`,
    );
  ensureRuntimes();
  const require = createRequire(join(runtimesDir, "package.json"));
  const binary = join(dirname(require.resolve(`${alias}/package.json`)), "bin", "node");
  if (!existsSync(binary)) throw new Error(`Node ${major} not found at ${binary} after installing the runtimes`);
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  try {
    if (args.length === 0) console.log(ensureRuntimes());
    else if (args[0] === "--node" && args.length === 2) console.log(nodeBinary(args[1]));
    else throw new Error(`unexpected arguments ${JSON.stringify(args)}: use no argument, or --node <major>`);
  } catch (error) {
    console.error(`ensure-runtimes: ${error.message}`);
    process.exit(1);
  }
}
