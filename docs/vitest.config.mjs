import { defineConfig } from "vitest/config";
import { reporters } from "../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("docs"),
    include: ["test/**/*.test.mjs"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
