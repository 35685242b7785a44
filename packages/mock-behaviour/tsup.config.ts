import { defineConfig } from "tsup";

// Declarations: tsconfig.json maps @tikhubapi/spec/* to its built .d.ts files (openapi/dist/lib), so the
// declaration bundle inlines those types (dts.resolve alone does not follow subpath exports). The
// declaration build type-checks all of src (a type error fails `pnpm build`), so no separate tsc runs.

// One ESM file and one declaration file, runtime-neutral; the published packages bundle both. The
// shared runtime helpers and model types (@tikhubapi/spec, private too) are bundled in here.
const bundled = [/^@tikhubapi\/spec/];

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  dts: { resolve: bundled },
  noExternal: bundled,
  platform: "neutral",
  target: "es2022",
});
