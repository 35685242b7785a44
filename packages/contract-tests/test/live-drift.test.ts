// Opt-in: with TIKHUB_USERNAME / TIKHUB_PASSWORD set, a small sample of real calls validated against
// the spec; the drift report goes to packages/contract-tests/drift-report.json.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LIVE_SAMPLE, runDrift } from "../src/drift.js";

const username = process.env.TIKHUB_USERNAME;
const password = process.env.TIKHUB_PASSWORD;
const haveCredentials = Boolean(username && password);
if (!haveCredentials) console.log("live drift skipped: set TIKHUB_USERNAME and TIKHUB_PASSWORD to call the real API");

describe.skipIf(!haveCredentials)("live drift against the real API", () => {
  it(`calls ${LIVE_SAMPLE.join(", ")} and writes drift-report.json`, async () => {
    const reportPath = fileURLToPath(new URL("../drift-report.json", import.meta.url));
    const report = await runDrift({ username: username!, password: password!, baseUrl: process.env.TIKHUB_BASE_URL, reportPath });
    console.log(`drift report: ${reportPath}\n${JSON.stringify(report.summary)}`);
    for (const entry of report.operations) {
      console.log(
        `${entry.operationId}: HTTP ${entry.status ?? "-"}, ${entry.schemaErrors.length} schema errors, ${entry.fieldsSeenNotInSpec.length} new fields, ${entry.specFieldsMissing.length} missing fields${entry.error ? ` (${entry.error})` : ""}`,
      );
    }
    expect(report.operations[0].status, "key info must authenticate").toBe(200);
    expect(report.summary.statusMismatches).toBe(0);
    expect(report.operations.flatMap((e) => e.schemaErrors)).toEqual([]);
  }, 120_000);
});
