import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("readme-tests"),
    include: ["test/**/*.test.mjs"],
    // Each block runs as its own process (node, bash, pnpm) on a busy machine: generous, never a speed check.
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
