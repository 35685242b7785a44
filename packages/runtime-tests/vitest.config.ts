import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("runtime-tests"),
    include: ["test/**/*.test.ts"],
    // Packing, npm install and seven runtimes on a busy 2-core machine: generous, never a speed check.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
