import { defineConfig } from "tsup";

const shared = { target: "node20", platform: "node", shims: true } as const;
// The behaviour core is a private workspace package (@tikhubapi/mock-behaviour): bundled, code and types.
const bundled = [/^@tikhubapi\/mock-behaviour/];

// The library and its runtime-neutral behaviour core (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", behaviour: "src/behaviour.ts" }, format: ["esm", "cjs"], dts: { resolve: bundled }, noExternal: bundled },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"], noExternal: bundled },
  // `@tikhubapi/mock/msw` (deprecated, one release): @tikhubapi/msw's build bundled as is, in a build
  // of its own (no chunk shared with the entries above, so importing the package never loads msw).
  { entry: { msw: "src/msw.ts" }, format: ["esm", "cjs"], dts: { resolve: [/^@tikhubapi\/msw/] }, noExternal: [/^@tikhubapi\/msw/], platform: "neutral", target: "es2022", external: ["msw"] },
]);
