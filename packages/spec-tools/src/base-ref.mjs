// Which version of the spec `pnpm spec:diff` compares the working tree with, when --base is not given:
//   1. on a pull request in CI (GITHUB_BASE_REF set): the merge base with origin/<base branch>;
//   2. on any other branch: the merge base with main (or origin/main), even when the branch has no commit yet;
//   3. on main itself: the last release tag (changesets' `@tikhubapi/<pkg>@<version>`, or `v*`) reachable from HEAD;
//   4. on main with no release tag (a clean clone, as .ci/run makes): HEAD~1, the state before the last commit
//      (after a merge, its first parent: what the last landing changed);
//   5. a repository of one commit: HEAD (only uncommitted changes are compared).
import { SpecToolError } from "./errors.mjs";
import { gitOrNull } from "./git.mjs";

/** @returns {{ sha: string, label: string, why: string }} */
export function resolveBase(repoRoot, { base, env = process.env } = {}) {
  const commit = (ref) => gitOrNull(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (gitOrNull(repoRoot, ["rev-parse", "--is-inside-work-tree"]) !== "true")
    throw new SpecToolError(`${repoRoot} is not a git work tree: spec:diff compares git versions of openapi/`);
  if (base) {
    const sha = commit(base);
    if (!sha) throw new SpecToolError(`--base ${base}: no such commit (fetch it, or in CI check out with fetch-depth: 0)`);
    return { sha, label: base, why: "given with --base" };
  }
  const head = commit("HEAD");
  if (!head) throw new SpecToolError("the repository has no commit yet: nothing to compare with");
  const mergeBase = (ref) => (commit(ref) ? gitOrNull(repoRoot, ["merge-base", "HEAD", ref]) : null);
  if (env.GITHUB_BASE_REF) {
    const ref = `origin/${env.GITHUB_BASE_REF}`;
    const sha = mergeBase(ref);
    if (!sha) throw new SpecToolError(`no merge base with ${ref}: check out with fetch-depth: 0 (actions/checkout) so the base branch is there`);
    return { sha, label: sha.slice(0, 12), why: `merge base with ${ref} (the pull request's base)` };
  }
  const branch = gitOrNull(repoRoot, ["rev-parse", "--abbrev-ref", "HEAD"]);
  if (branch !== "main") {
    for (const main of ["main", "origin/main"]) {
      const sha = mergeBase(main);
      // A detached HEAD at main's tip is treated as main itself.
      if (sha && (branch !== "HEAD" || sha !== head)) return { sha, label: sha.slice(0, 12), why: `merge base with ${main}` };
    }
  }
  const tag =
    gitOrNull(repoRoot, ["describe", "--tags", "--abbrev=0", "--match", "@tikhubapi/*@*", "HEAD"]) ??
    gitOrNull(repoRoot, ["describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD"]);
  if (tag) return { sha: commit(tag), label: tag, why: "the last release tag" };
  const parent = commit("HEAD~1");
  if (parent) return { sha: parent, label: "HEAD~1", why: "on main with no release tag: the commit before HEAD (what the last landing changed)" };
  return { sha: head, label: "HEAD", why: "a single commit: only uncommitted changes are compared" };
}
