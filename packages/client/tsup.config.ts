import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries: the core client, and the TanStack Query helpers (not in the core bundle); in ESM they share one chunk.
  entry: ["src/index.ts", "src/query.ts"],
  format: ["esm", "cjs"],
  // The declarations inline the spec package's types too (it is private): its subpaths are mapped to its built .d.ts files.
  dts: { resolve: [/^@tikhubapi\/spec/], compilerOptions: { paths: { "@tikhubapi/spec/*": ["../../openapi/dist/lib/*"] } } },
  clean: true,
  splitting: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  external: ["openapi-fetch", "@tikhubapi/types"],
  // @tikhubapi/spec is private: what the client uses of its runtime helpers is bundled in.
  noExternal: [/^@tikhubapi\/spec/],
});
