import { defineConfig } from "tsup";

const shared = { target: "node20", platform: "node", shims: true, external: ["@tikhubapi/client"] } as const;

// The library (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"] },
]);
