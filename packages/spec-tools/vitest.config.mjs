import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

export default defineConfig({
  test: { reporters: reporters("spec-tools"), testTimeout: 120_000, hookTimeout: 180_000 },
});
