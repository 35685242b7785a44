// The bundled spec (Redocly, as `pnpm bundle` makes it) of the working tree or of any git commit,
// made in a temporary directory: openapi/dist/ is never touched.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runRedocly } from "../../../scripts/run-redocly.mjs";
import { SpecToolError } from "./errors.mjs";

function bundleDir(specDir, what, outDir) {
  const root = join(specDir, "tikhub.yaml");
  if (!existsSync(root)) throw new SpecToolError(`${what} has no openapi/tikhub.yaml`);
  const out = join(outDir, "bundle.json");
  const config = join(specDir, "redocly.yaml");
  const { status, output } = runRedocly(["bundle", root, "-o", out, "--ext", "json", ...(existsSync(config) ? ["--config", config] : [])]);
  if (status !== 0) throw new SpecToolError(`the spec of ${what} does not bundle:\n${output}`);
  return JSON.parse(readFileSync(out, "utf8"));
}

/** The bundle of openapi/ as it is on disk (uncommitted edits included). */
export function bundleWorkingTree(repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), "spec-tree-"));
  try {
    return bundleDir(join(repoRoot, "openapi"), "the working tree", dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle of openapi/ at a commit (extracted with `git archive`). */
export function bundleAtCommit(repoRoot, sha, label = sha) {
  const dir = mkdtempSync(join(tmpdir(), "spec-at-"));
  try {
    const tar = join(dir, "openapi.tar");
    const archive = spawnSync("git", ["archive", "--format=tar", "-o", tar, sha, "openapi"], { cwd: repoRoot, encoding: "utf8" });
    if (archive.status !== 0) throw new SpecToolError(`${label} has no openapi/ directory (git archive: ${archive.stderr.trim()})`);
    mkdirSync(join(dir, "tree"));
    const untar = spawnSync("tar", ["-xf", tar, "-C", join(dir, "tree")], { encoding: "utf8" });
    if (untar.status !== 0) throw new SpecToolError(`cannot unpack openapi/ of ${label}: ${untar.stderr.trim()}`);
    return bundleDir(join(dir, "tree", "openapi"), label, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
