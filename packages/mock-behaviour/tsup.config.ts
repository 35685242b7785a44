import { defineConfig } from "tsup";

// One ESM file and one declaration file, runtime-neutral; the published packages bundle both.
export default defineConfig({ entry: { index: "src/index.ts" }, format: ["esm"], dts: true, platform: "neutral", target: "es2022" });
