// Lints the spec with Redocly (rules in openapi/redocly.yaml). 0 errors and 0 warnings or exit 1.
import { redoclyConfig, runRedocly, specRoot } from "./run-redocly.mjs";

const { status, output } = runRedocly(["lint", specRoot, "--config", redoclyConfig, "--format", "stylish"]);
const warnings = /(\d+) warnings?/.exec(output)?.[1];
if (status !== 0 || (warnings && Number(warnings) > 0)) {
  console.error(output);
  console.error("lint-spec: the spec has lint problems (listed above).");
  process.exit(1);
}
console.log("lint-spec: 0 errors, 0 warnings");
