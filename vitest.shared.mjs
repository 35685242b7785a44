// Settings every package's vitest config shares: the default reporter on the console and a JSON
// report under .test-results/ that scripts/run-tests.mjs adds up into one closing line.
import { fileURLToPath } from "node:url";

export function reporters(name) {
  return ["default", ["json", { outputFile: fileURLToPath(new URL(`./.test-results/${name}.json`, import.meta.url)) }]];
}
