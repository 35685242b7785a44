// The workspace's packages, read from pnpm-workspace.yaml and their package.json files, and which
// published ones a spec change reaches: every public package whose workspace dependencies (all kinds,
// followed transitively) include the spec package. Nothing here lists package names.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { SpecToolError } from "./errors.mjs";

export const SPEC_PACKAGE = "@tikhubapi/spec";

/** [{ name, dir, private, version, deps: string[] }] of every workspace package. */
export function workspacePackages(repoRoot) {
  const file = join(repoRoot, "pnpm-workspace.yaml");
  if (!existsSync(file)) throw new SpecToolError(`no pnpm-workspace.yaml in ${repoRoot}`);
  const patterns = YAML.parse(readFileSync(file, "utf8"))?.packages ?? [];
  const dirs = [];
  for (const pattern of patterns) {
    if (pattern.startsWith("!")) continue;
    if (pattern.endsWith("/*")) {
      const parent = join(repoRoot, pattern.slice(0, -2));
      if (existsSync(parent)) for (const entry of readdirSync(parent, { withFileTypes: true })) if (entry.isDirectory()) dirs.push(join(parent, entry.name));
    } else if (!pattern.includes("*")) dirs.push(join(repoRoot, pattern));
    else throw new SpecToolError(`pnpm-workspace.yaml: the pattern ${pattern} is not supported (only "dir/*" and plain directories)`);
  }
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
      return { name: pkg.name, dir, private: pkg.private === true, version: pkg.version ?? "0.0.0", deps };
    })
    .filter((p) => p.name);
}

/** The published packages a change of the spec reaches, sorted by name. */
export function packagesBuiltFromSpec(packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const reaches = (name, seen = new Set()) => {
    if (name === SPEC_PACKAGE) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return (byName.get(name)?.deps ?? []).some((d) => byName.has(d) && reaches(d, seen));
  };
  return packages.filter((p) => !p.private && p.name !== SPEC_PACKAGE && reaches(p.name)).sort((a, b) => a.name.localeCompare(b.name));
}
