// For README blocks marked `readme-test: vitest`: each is run on its own by test/run-block.mjs.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [".run/**/*.test.{ts,mjs}"],
    testTimeout: 60_000,
  },
});
