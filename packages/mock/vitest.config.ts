import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("mock"),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
