// The API reference page (scripts/docs-build.mjs) embeds one file of Scalar's: the self-contained
// browser build `dist/browser/standalone.js` of @scalar/api-reference. Installing the package for it
// would bring ~275 MB of dependencies into node_modules that nothing else uses, so this fetches the
// pinned tarball alone from the npm registry (`npm pack`, through npm's cache), checks it against the
// integrity below, and keeps that one file in docs/.vendor/ (git-ignored). Once; offline afterwards.
//
//   node scripts/ensure-scalar.mjs        prints the path of the file (fetching it if needed)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Pinned exactly, with the registry's sha512 of the tarball (as a lockfile would). */
export const SCALAR = {
  name: "@scalar/api-reference",
  version: "1.72.1",
  integrity: "sha512-XpEJ0rfc/cXbCrR+iC4kK0o/WwX2dTtGQbT049OlPKAHD6IMIFdTeGz2r+M27P2EDWKyUITRm/NzlP8z2pw/Ow==",
  file: "package/dist/browser/standalone.js",
};

const vendorDir = fileURLToPath(new URL("../docs/.vendor/", import.meta.url));
const scalarPath = join(vendorDir, `scalar-api-reference-${SCALAR.version}.js`);

function npmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_)/i.test(key)) env[key] = value;
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

/** The path of Scalar's standalone.js, fetched and verified on first use. Throws with a clear message otherwise. */
export function ensureScalar() {
  if (existsSync(scalarPath)) return scalarPath;
  mkdirSync(vendorDir, { recursive: true });
  const work = mkdtempSync(join(vendorDir, ".fetch-"));
  try {
    const spec = `${SCALAR.name}@${SCALAR.version}`;
    const pack = spawnSync("npm", ["pack", spec, "--pack-destination", work, "--json"], { cwd: work, encoding: "utf8", env: npmEnv() });
    if (pack.error || pack.status !== 0)
      throw new Error(
        `npm pack ${spec} failed (${pack.error?.message ?? `exit ${pack.status}`}): the npm registry must be reachable the first time\n${pack.stderr}`,
      );
    const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("[")));
    const tarball = join(work, filename);
    const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
    if (integrity !== SCALAR.integrity) throw new Error(`${spec} from the registry has integrity ${integrity}, expected ${SCALAR.integrity}: refusing it`);
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", work, SCALAR.file], { encoding: "utf8" });
    if (tar.status !== 0) throw new Error(`extracting ${SCALAR.file} from ${filename} failed: ${tar.stderr || tar.error?.message}`);
    renameSync(join(work, SCALAR.file), scalarPath); // atomic: a concurrent run sees the whole file or none
    return scalarPath;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureScalar());
  } catch (error) {
    console.error(`ensure-scalar: ${error.message}`);
    process.exit(1);
  }
}
