import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("mock-behaviour"),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
