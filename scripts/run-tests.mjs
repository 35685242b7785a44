// `pnpm test`: the prerequisites first (scripts/check-prerequisites.mjs), then every test in the repo
// as turbo tasks — each package's `test`, the release dry-run (`//#test:release`,
// scripts/release-check.mjs) and the linter and formatter (`//#test:lint`, scripts/lint.mjs: Biome over
// the whole repository, one test) — then one closing line that counts them all.
//
// Every test task writes a JSON report to its package's .test-results/ (vitest.shared.mjs; the spec
// check and the release dry-run write the same shape) and turbo caches that folder as the task's
// output: on a cache hit the report is restored, so a run with nothing changed prints the same counts.
// Arguments go to turbo: `pnpm test --force` reruns every task, `pnpm test --filter=@tikhubapi/cli`
// runs one package's tests (and what they depend on).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePrerequisites } from "./check-prerequisites.mjs";
import { repoRoot } from "./run-redocly.mjs";

const started = Date.now();
const pinnedPnpm = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).packageManager.split("@")[1];
const runningPnpm = /^pnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? "")?.[1];
if (runningPnpm && runningPnpm !== pinnedPnpm) {
  // Older pnpm 12 releases drop a SIGINT sent to pnpm's own PID (the README's promise about
  // `kill -INT`), so a run under another pnpm can fail for reasons that are not the code's.
  console.error(`run-tests: warning: pnpm ${runningPnpm} runs this; the repository pins pnpm ${pinnedPnpm} (npm install -g pnpm@${pinnedPnpm})`);
}
const missing = ensurePrerequisites();
if (missing) {
  console.error(`\n${missing}`);
  process.exit(1);
}

/** The folders whose .test-results/ hold reports: the repository root and every workspace package. */
function reportDirs() {
  const dirs = [repoRoot, join(repoRoot, "openapi"), join(repoRoot, "docs")];
  for (const entry of readdirSync(join(repoRoot, "packages"), { withFileTypes: true })) {
    if (entry.isDirectory()) dirs.push(join(repoRoot, "packages", entry.name));
  }
  return dirs.map((dir) => join(dir, ".test-results"));
}

// Reports of an earlier run must not be counted: each task writes its own, or turbo restores it.
for (const dir of reportDirs()) rmSync(dir, { recursive: true, force: true });

const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "test", "test:release", "test:lint", "--concurrency=2", "--continue", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
});

let passed = 0;
let failed = 0;
let skipped = 0;
const names = [];
for (const dir of reportDirs()) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
    names.push(file.replace(/\.json$/, ""));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
}
console.log(`\nTest reports: ${names.sort().join(", ") || "none"}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (turbo.status !== 0) process.exit(turbo.status ?? 1);
if (failed > 0 || passed === 0) process.exit(1);
