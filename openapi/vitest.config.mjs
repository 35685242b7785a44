import { defineConfig } from "vitest/config";
import { reporters } from "../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("spec-model"),
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
