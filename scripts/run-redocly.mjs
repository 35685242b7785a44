// Runs the pinned Redocly CLI on the spec with telemetry off, hiding its Node 20 end-of-life banner.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const specRoot = join(repoRoot, "openapi", "tikhub.yaml");
export const redoclyConfig = join(repoRoot, "openapi", "redocly.yaml");
export const bundlePath = join(repoRoot, "openapi", "dist", "openapi.json");

const require = createRequire(import.meta.url);

function redoclyBin() {
  const pkgJson = require.resolve("@redocly/cli/package.json", { paths: [repoRoot] });
  const { bin } = require(pkgJson);
  return join(dirname(pkgJson), typeof bin === "string" ? bin : (bin.redocly ?? Object.values(bin)[0]));
}

const banner = /[║╔╚]/;

/** Runs `redocly <args…>`; returns { status, output } with the banner lines removed. */
export function runRedocly(args) {
  const result = spawnSync(process.execPath, [redoclyBin(), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
  });
  if (result.error) throw result.error;
  const output = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter((line) => !banner.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { status: result.status ?? 1, output };
}
