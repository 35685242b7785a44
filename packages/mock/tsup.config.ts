import { defineConfig } from "tsup";

const shared = { target: "node20", platform: "node", shims: true } as const;

// The library and its runtime-neutral behaviour core (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", behaviour: "src/behaviour/index.ts" }, format: ["esm", "cjs"], dts: true },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"] },
]);
