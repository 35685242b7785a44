import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries: the core client, and the TanStack Query helpers (not in the core bundle); in ESM they share one chunk.
  entry: ["src/index.ts", "src/query.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  splitting: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  external: ["openapi-fetch", "@tikhubapi/types"],
});
