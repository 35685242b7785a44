// `pnpm test:lint` (a task of `pnpm test`): Biome over the whole repository — formatting, import order
// and the recommended lint rules (biome.jsonc) — counted as one test in .test-results/lint.json.
// `pnpm lint` is the same check without the report; `pnpm exec biome check --write .` applies the fixes.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./run-redocly.mjs";

const biome = spawnSync("pnpm", ["exec", "biome", "check", "."], { cwd: repoRoot, stdio: "inherit" });
const ok = biome.status === 0;
const resultsDir = join(repoRoot, ".test-results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "lint.json"), JSON.stringify({ numPassedTests: ok ? 1 : 0, numFailedTests: ok ? 0 : 1 }));
if (!ok) console.error("lint: Biome found problems (above); `pnpm exec biome check --write .` fixes formatting and import order");
process.exit(ok ? 0 : 1);
