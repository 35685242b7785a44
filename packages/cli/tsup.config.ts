import { defineConfig } from "tsup";

// @tikhubapi/spec is private: what the CLI imports from it (the operation model, the runtime helpers)
// is bundled in, and so are its types (the path below lets the declaration bundler find them, since it
// does not read the package's "exports"). @tikhubapi/client stays a dependency.
const shared = { target: "node20", platform: "node", shims: true, external: ["@tikhubapi/client"], noExternal: [/^@tikhubapi\/spec/] } as const;
const dts = { compilerOptions: { paths: { "@tikhubapi/spec/*": ["./node_modules/@tikhubapi/spec/dist/lib/*"] } } };

// The library (ESM + CJS + types), and the CLI entry its bin loads (ESM only).
export default defineConfig([
  { ...shared, entry: ["src/index.ts"], format: ["esm", "cjs"], dts },
  { ...shared, entry: ["src/cli.ts"], format: ["esm"] },
]);
