import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("cli"),
    include: ["test/**/*.test.ts"],
    // Generous: each test starts CLI processes, and the machine may be loaded by other builds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
