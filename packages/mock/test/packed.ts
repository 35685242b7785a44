// The published form of the client and the mock, for tests that must use what npm users get:
// `pnpm pack` (as scripts/release-check.mjs does) into a temporary node_modules, with each
// package's runtime dependencies linked from the workspace (no registry, no network).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));

export interface PackedInstall {
  dir: string;
  /** A file URL of a module inside the install, e.g. moduleUrl("@tikhubapi/client") (its "import" entry). */
  moduleUrl(specifier: string): string;
  remove(): void;
}

/** The directory of `name`, a direct dependency of the workspace package `from` (pnpm links each under its node_modules). */
function packageDir(name: string, from: string): string {
  return realpathSync(join(packagesDir, from, "node_modules", name));
}

/**
 * Packs the workspace packages `names` (folder names under packages/) and installs them, each
 * runtime dependency (one not packed here) linked from that package's own node_modules, plus
 * `extraLinks` (name → the workspace package whose node_modules has it; e.g. an optional peer).
 */
export function installPacked(names: string[], extraLinks: Record<string, string> = {}): PackedInstall {
  const dir = mkdtempSync(join(tmpdir(), "tikhub-packed-"));
  const modules = join(dir, "node_modules");
  const links: Record<string, string> = { ...extraLinks };
  const packedNames = new Set<string>();
  try {
    for (const name of names) {
      const pkgDir = join(packagesDir, name);
      const output = execFileSync("pnpm", ["pack", "--pack-destination", dir, "--json"], { cwd: pkgDir, encoding: "utf8", timeout: 120_000 });
      const { filename, name: pkgName } = JSON.parse(output.slice(output.indexOf("{"))) as { filename: string; name: string };
      const target = join(modules, pkgName);
      mkdirSync(target, { recursive: true });
      execFileSync("tar", ["xzf", filename, "-C", target, "--strip-components=1"]);
      packedNames.add(pkgName);
      const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
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
      const root = join(modules, scope!, name!);
      const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
      const entry = manifest.exports[rest.length ? `./${rest.join("/")}` : "."];
      return pathToFileURL(join(root, entry.import.default)).href;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
