import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.mjs";

// TIKHUB_MSW_MAJOR=3 (scripts/vitest-msw3.mjs, on Node 24): `msw` is the msw3 alias (npm:msw@3.x),
// for the MSW/Prism parity test; @tikhubapi/msw's build imports the same copy through it.
const msw3 = process.env.TIKHUB_MSW_MAJOR === "3";

export default defineConfig({
  resolve: msw3 ? { alias: [{ find: /^msw(?=\/|$)/, replacement: "msw3" }] } : {},
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: reporters(msw3 ? "contract-tests-msw3-node24" : "contract-tests"),
  },
});
