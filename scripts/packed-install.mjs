// The published form of our packages (the client, the mock, the MSW handlers), for tests that must use what npm users get:
// `pnpm pack` (scripts/packing.mjs's pnpmPack, as scripts/release-check.mjs uses it) into a temporary
// node_modules, with each package's runtime dependencies linked from the workspace (no registry, no network).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pnpmPack } from "./packing.mjs";

const packagesDir = fileURLToPath(new URL("../packages/", import.meta.url));

/**
 * @typedef {object} PackedInstall
 * @property {string} dir
 * @property {(specifier: string) => string} moduleUrl A file URL of a module inside the install, e.g. moduleUrl("@tikhubapi/client") (its "import" entry).
 * @property {() => void} remove
 */

/**
 * The directory of `name`, a direct dependency of the workspace package `from` (pnpm links each under
 * its node_modules). `from` may name an npm alias as "package:alias" (e.g. "msw:msw3", msw 3 under the
 * alias msw3 in packages/msw), to link that copy under the name `name`.
 */
/** @param {string} name @param {string} from */
function packageDir(name, from) {
  const [workspacePackage, alias = name] = from.split(":");
  return realpathSync(join(packagesDir, workspacePackage, "node_modules", alias));
}

/**
 * Packs the workspace packages `names` (folder names under packages/) and installs them, each
 * runtime dependency (one not packed here) linked from that package's own node_modules, plus
 * `extraLinks` (name → the workspace package whose node_modules has it; e.g. an optional peer).
 */
/** @param {string[]} names @param {Record<string, string>} [extraLinks] @returns {PackedInstall} */
export function installPacked(names, extraLinks = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tikhub-packed-"));
  const modules = join(dir, "node_modules");
  const links = { ...extraLinks };
  const packedNames = new Set();
  try {
    for (const name of names) {
      const pkgDir = join(packagesDir, name);
      const packed = pnpmPack(pkgDir, dir);
      if (!packed.info) throw new Error(`pnpm pack of packages/${name} failed (exit ${packed.status}):\n${packed.output.trim() || String(packed.error)}`);
      const { filename, name: pkgName } = packed.info;
      const target = join(modules, pkgName);
      mkdirSync(target, { recursive: true });
      execFileSync("tar", ["xzf", filename, "-C", target, "--strip-components=1"]);
      packedNames.add(pkgName);
      const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8"));
      for (const dep of Object.keys(manifest.dependencies ?? {})) links[dep] ??= name;
    }
    for (const name of packedNames) delete links[name];
    for (const [dep, from] of Object.entries(links)) {
      const target = join(modules, dep);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(packageDir(dep, from), target, "dir");
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    moduleUrl: (specifier) => {
      const [scope, name, ...rest] = specifier.split("/");
      const root = join(modules, scope, name);
      const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      const entry = manifest.exports[rest.length ? `./${rest.join("/")}` : "."];
      return pathToFileURL(join(root, entry.import.default)).href;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
