import { defineConfig } from "tsup";

const shared = { target: "node20", platform: "node", shims: true } as const;

// The library and its runtime-neutral behaviour core (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", behaviour: "src/behaviour/index.ts" }, format: ["esm", "cjs"], dts: true },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"] },
  // `@tikhubapi/mock/msw`: a build of its own (no chunk shared with the entries above, so importing
  // the package never loads msw), runtime-neutral for Node and browsers; msw is the user's copy.
  { entry: { msw: "src/msw/index.ts" }, format: ["esm", "cjs"], dts: true, platform: "neutral", target: "es2022", external: ["msw"] },
]);
