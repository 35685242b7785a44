// Do the changesets of this change account for what the spec diff found? A breaking change needs
// every published package built from the spec bumped by a major (a minor while the package is 0.x);
// a non-breaking one needs at least a patch for each; annotations need nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import parseChangeset from "@changesets/parse";
import { SpecToolError } from "./errors.mjs";
import { git } from "./git.mjs";

const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

/** The changeset files added or changed since the base commit, committed or not (README.md excluded). */
export function changedChangesets(repoRoot, baseSha) {
  const changed = git(repoRoot, ["diff", "--name-only", "--diff-filter=AMR", baseSha, "--", ".changeset"]).split("\n");
  const untracked = git(repoRoot, ["ls-files", "--others", "--exclude-standard", "--", ".changeset"]).split("\n");
  return [...new Set([...changed, ...untracked])].filter((f) => /^\.changeset\/[^/]+\.md$/.test(f) && !f.endsWith("/README.md")).sort();
}

/** { file, releases: [{ name, type }] } of each changeset file; a malformed one throws naming the file. */
export function readChangesets(repoRoot, files) {
  return files.map((file) => {
    try {
      return { file, releases: parseChangeset(readFileSync(join(repoRoot, file), "utf8")).releases };
    } catch (error) {
      throw new SpecToolError(`${file}: not a valid changeset (${error.message.split("\n")[0]})`);
    }
  });
}

/** The bump a package needs for a verdict: "major", "minor" (0.x and breaking), "patch" or "none". */
export function bumpNeeded(verdict, version) {
  if (verdict === "breaking") return version.startsWith("0.") ? "minor" : "major";
  if (verdict === "non-breaking") return "patch";
  return "none";
}

/**
 * Holds the changesets to the diff's worst verdict.
 * @returns {{ verdict, needed: [{ name, need, have, files }], missing: [{ name, need, have }] }}
 */
export function matchChangesets({ verdict, packages, changesets }) {
  const needed = packages.map((pkg) => {
    let have = "none";
    const files = [];
    for (const cs of changesets) {
      for (const release of cs.releases) {
        if (release.name !== pkg.name) continue;
        files.push(cs.file);
        if (RANK[release.type] > RANK[have]) have = release.type;
      }
    }
    return { name: pkg.name, need: bumpNeeded(verdict, pkg.version), have, files };
  });
  return { verdict, needed, missing: needed.filter((n) => RANK[n.have] < RANK[n.need]) };
}
