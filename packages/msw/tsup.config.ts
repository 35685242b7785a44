import { defineConfig } from "tsup";

// Declarations: tsconfig.json maps @tikhubapi/spec/* to its built .d.ts files (openapi/dist/lib), so the
// declaration bundle inlines those types (dts.resolve alone does not follow subpath exports).

// Runtime-neutral (Node's setupServer, the browser's setupWorker): msw is the user's copy (a peer).
// Bundled in: the behaviour core shared with @tikhubapi/mock and the shared runtime helpers of the
// operation model (@tikhubapi/spec/runtime): both are private workspace packages.
const bundled = [/^@tikhubapi\/mock-behaviour/, /^@tikhubapi\/spec/];

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: { resolve: bundled },
  platform: "neutral",
  target: "es2022",
  external: ["msw"],
  noExternal: bundled,
});
