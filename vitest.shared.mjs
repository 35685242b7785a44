// Settings every package's vitest config shares: the default reporter on the console and a JSON
// report in the package's .test-results/ (vitest runs in the package directory), which the package's
// turbo `test` task caches as its output and scripts/run-tests.mjs adds up into one closing line.
import { join } from "node:path";

export function reporters(name) {
  return ["default", ["json", { outputFile: join(process.cwd(), ".test-results", `${name}.json`) }]];
}
