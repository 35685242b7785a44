import { defineConfig } from "vitest/config";
import { reporters } from "../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("docs"),
    include: ["test/**/*.test.mjs"],
    // One file at a time: the browser test and the 250 sample runs each keep two cores busy.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
