import { defineConfig } from "tsup";

// Declarations: tsconfig.json maps @tikhubapi/spec/* to its built .d.ts files (openapi/dist/lib), so the
// declaration bundle inlines those types (dts.resolve alone does not follow subpath exports).

const shared = { target: "node20", platform: "node", shims: true } as const;
// The behaviour core (@tikhubapi/mock-behaviour) and the shared runtime helpers (@tikhubapi/spec) are
// private workspace packages: bundled, code and types.
const bundled = [/^@tikhubapi\/mock-behaviour/, /^@tikhubapi\/spec/];

// The library and its runtime-neutral behaviour core (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts", behaviour: "src/behaviour.ts" }, format: ["esm", "cjs"], dts: { resolve: bundled }, noExternal: bundled },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"], noExternal: bundled },
  // `@tikhubapi/mock/msw` (deprecated, one release): @tikhubapi/msw's build bundled as is, in a build
  // of its own (no chunk shared with the entries above, so importing the package never loads msw).
  {
    entry: { msw: "src/msw.ts" },
    format: ["esm", "cjs"],
    dts: { resolve: [/^@tikhubapi\/msw/] },
    noExternal: [/^@tikhubapi\/msw/],
    platform: "neutral",
    target: "es2022",
    external: ["msw"],
  },
]);
