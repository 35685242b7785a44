// The bundle checked by tools we did not write (part of `pnpm test`, one test each in openapi/.test-results/spec-external-tools.json):
//   1. Spectral with the stock `spectral:oas` ruleset (openapi/.spectral.yaml): 0 errors and 0 warnings.
//   2. A client generated from the bundle by @hey-api/openapi-ts (into a temp dir, deleted after)
//      type-checks with `tsc --strict --noEmit`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { bundlePath, repoRoot } from "./run-redocly.mjs";

const require = createRequire(join(repoRoot, "package.json"));

/** The path of a package's command-line entry (`bin`), resolved from the repo root. */
function binOf(pkg, name) {
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const { bin } = require(pkgJson);
  return join(dirname(pkgJson), typeof bin === "string" ? bin : bin[name]);
}

function run(label, bin, args) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim(), label };
}

function spectral() {
  const r = run("spectral", binOf("@stoplight/spectral-cli", "spectral"), [
    "lint", bundlePath, "--ruleset", join(repoRoot, "openapi", ".spectral.yaml"), "--fail-severity", "warn", "--format", "stylish",
  ]);
  const summary = /(\d+) problems? \((\d+) errors?, (\d+) warnings?/.exec(r.output);
  const counts = summary ? `${summary[2]} errors, ${summary[3]} warnings` : "0 errors, 0 warnings";
  return { ...r, summary: `Spectral spectral:oas: ${r.ok ? counts : `${counts} (must be 0 and 0)`}` };
}

function heyApi() {
  const dir = mkdtempSync(join(tmpdir(), "tikhub-hey-api-"));
  try {
    const gen = run("openapi-ts", binOf("@hey-api/openapi-ts", "openapi-ts"), ["-i", bundlePath, "-o", dir, "-c", "@hey-api/client-fetch"]);
    if (!gen.ok) return { ...gen, summary: "hey-api: generation failed" };
    const tsc = run("tsc", binOf("typescript", "tsc"), [
      "--strict", "--noEmit", "--skipLibCheck", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler",
      "--lib", "es2022,dom,dom.iterable", join(dir, "index.ts"),
    ]);
    const errors = (tsc.output.match(/error TS\d+/g) ?? []).length;
    return { ...tsc, summary: `hey-api client generated from the bundle: tsc --strict ${tsc.ok ? "0 errors" : `${errors} error(s)`}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [spectral(), heyApi()];
const resultsDir = join(repoRoot, "openapi", ".test-results"); // the spec package's: its `test` task caches it
mkdirSync(resultsDir, { recursive: true });
const failed = results.filter((r) => !r.ok);
writeFileSync(join(resultsDir, "spec-external-tools.json"), JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length }));
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.summary}`);
if (failed.length) {
  for (const r of failed) console.error(`\n${r.label} output:\n${r.output}`);
  process.exit(1);
}
