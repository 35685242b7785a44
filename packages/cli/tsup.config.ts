import { defineConfig } from "tsup";

// @tikhubapi/spec is private: what the CLI imports from it (the operation model, the runtime helpers)
// is bundled in, and so are its types. @tikhubapi/client stays a dependency.
const spec = [/^@tikhubapi\/spec/];
const shared = { target: "node20", platform: "node", shims: true, external: ["@tikhubapi/client"], noExternal: spec } as const;

// The library (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: { resolve: spec } },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"] },
]);
