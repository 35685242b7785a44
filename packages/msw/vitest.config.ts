import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

// TIKHUB_MSW_MAJOR=3 (scripts/vitest-msw3.mjs, on Node 24): the tests' own `msw` imports load msw 3
// (the msw3 alias), as the packed handlers do through their install's link.
const msw3 = process.env.TIKHUB_MSW_MAJOR === "3";

export default defineConfig({
  resolve: msw3 ? { alias: [{ find: /^msw(?=\/|$)/, replacement: "msw3" }] } : {},
  test: {
    reporters: reporters(msw3 ? "msw-msw3-node24" : "msw"),
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
