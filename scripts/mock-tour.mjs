// Calls every operation of the spec on the mock with its parameter examples and prints a table:
// status, size, and whether the answer is the spec's own 200 example. Exit 1 on any mismatch.
// Usage: node scripts/mock-tour.mjs [--url http://127.0.0.1:4010]   (without --url it starts a mock on a free port)

import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import { deref } from "../openapi/dist/lib/model.js";
import { loadSpec } from "../openapi/dist/lib/node/spec.js";
import { OPERATIONS } from "../openapi/dist/lib/operations.js";

const require = createRequire(import.meta.url);
const urlArg = process.argv.indexOf("--url");
const spec = loadSpec();
let baseUrl = urlArg > 0 ? process.argv[urlArg + 1] : undefined;
if (urlArg > 0 && !/^https?:\/\/[^/]/.test(baseUrl ?? "")) {
  console.error(`mock-tour: --url must be an http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(baseUrl ?? "")}`);
  process.exit(2);
}
baseUrl = baseUrl?.replace(/\/+$/, "");
let mock;
if (!baseUrl) {
  const { startMock } = await import(require.resolve("../packages/mock/dist/index.js"));
  mock = await startMock({ port: 0 });
  baseUrl = mock.url;
}
let failures = 0;
console.log(`${"operation".padEnd(28)} ${"path".padEnd(28)} status  bytes  = example`);
for (const { id, path, params } of OPERATIONS) {
  const query = new URLSearchParams();
  for (const p of params) if (p.example !== undefined) query.set(p.name, String(p.example));
  let response;
  try {
    response = await fetch(`${baseUrl}${path}?${query}`, { headers: { authorization: "Basic ZGVtbzpkZW1v" } });
  } catch (error) {
    console.error(
      `mock-tour: cannot reach the mock at ${baseUrl} (${error.cause?.code ?? error.cause?.message ?? error.message}): start it with \`pnpm mock\`, or leave out --url to start one`,
    );
    await mock?.close();
    process.exit(1);
  }
  const text = await response.text();
  const example = deref(spec, Object.values(spec.paths[path].get.responses["200"].content["application/json"].examples)[0]).value;
  const same = response.status === 200 && isDeepStrictEqual(JSON.parse(text), example);
  if (!same) failures++;
  console.log(`${id.padEnd(28)} ${path.padEnd(28)} ${String(response.status).padEnd(7)} ${String(text.length).padStart(5)}  ${same ? "✓" : "✗"}`);
}
await mock?.close();
console.log(`${OPERATIONS.length - failures}/${OPERATIONS.length} operations answer their example`);
process.exit(failures ? 1 : 0);
