import { defineConfig } from "tsup";

// Runtime-neutral (Node's setupServer, the browser's setupWorker): msw is the user's copy (a peer);
// the behaviour core, a private workspace package shared with @tikhubapi/mock, is bundled in.
const bundled = [/^@tikhubapi\/mock-behaviour/];

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: { resolve: bundled },
  platform: "neutral",
  target: "es2022",
  external: ["msw"],
  noExternal: bundled,
});
