import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: {
    reporters: reporters("client"),
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    typecheck: {
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
  },
});
