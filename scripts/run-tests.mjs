// `pnpm test`: every test in the repo through turbo, then the release dry-run (scripts/release-check.mjs),
// then one closing line that counts them all.
// Each vitest run writes a JSON report to .test-results/ (see vitest.shared.mjs); so does the spec check
// (scripts/check-spec.mjs: one test per catalog operation, one for the documentation page).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureBrowser } from "./ensure-browser.mjs";
import { repoRoot } from "./run-redocly.mjs";

const resultsDir = join(repoRoot, ".test-results");
ensureBrowser();
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "test", "--concurrency=2", "--continue", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
});

// The packed packages in a throwaway consumer project (publint, attw, ESM/CJS/TypeScript use).
let releaseCheck = { status: null };
if (turbo.status === 0) {
  releaseCheck = spawnSync(process.execPath, [join(repoRoot, "scripts", "release-check.mjs")], { cwd: repoRoot, stdio: "inherit" });
}

let passed = releaseCheck.status === 0 ? 1 : 0;
let failed = releaseCheck.status !== null && releaseCheck.status !== 0 ? 1 : 0;
let skipped = 0;
const files = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith(".json")) : [];
for (const file of files) {
  const report = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`\nTest reports: ${files.map((f) => f.replace(/\.json$/, "")).join(", ") || "none"}${releaseCheck.status === null ? "" : ", release-check"}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (turbo.status !== 0) process.exit(turbo.status ?? 1);
if (failed > 0 || passed === 0) process.exit(1);
