// Publishes the generated declarations for both module systems:
// dist/index.d.ts → dist/openapi.d.ts (ESM) and dist/index.d.cts → dist/openapi.d.cts (CJS).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const generated = readFileSync(new URL("../src/generated/openapi.d.ts", import.meta.url), "utf8");
const dist = new URL("../dist/", import.meta.url);
const names = "paths, components, operations, webhooks, $defs";
mkdirSync(dist, { recursive: true });
for (const [dts, specifier] of [
  ["d.ts", "./openapi.js"],
  ["d.cts", "./openapi.cjs"],
]) {
  writeFileSync(new URL(`openapi.${dts}`, dist), generated);
  writeFileSync(new URL(`index.${dts}`, dist), `export type { ${names} } from "${specifier}";\n`);
}
console.log("build-types: wrote dist/index.d.ts, dist/index.d.cts and the generated declarations");
