// Bundles openapi/tikhub.yaml and its $refs into openapi/dist/openapi.json, the file every
// downstream package reads. Fails (exit 1) with Redocly's own message on any unresolved ref.
import { mkdirSync } from "node:fs";
import { dirname, relative } from "node:path";
import { bundlePath, redoclyConfig, repoRoot, runRedocly, specRoot } from "./run-redocly.mjs";

mkdirSync(dirname(bundlePath), { recursive: true });
const { status, output } = runRedocly(["bundle", specRoot, "-o", bundlePath, "--ext", "json", "--config", redoclyConfig]);
if (status !== 0) {
  console.error(output);
  console.error(`bundle-spec: the spec did not bundle (redocly exit ${status}); fix the errors above in openapi/.`);
  process.exit(1);
}
console.log(`bundle-spec: wrote ${relative(repoRoot, bundlePath)}`);
