// `pnpm spec:diff` end to end in a throwaway git repository: base resolution, the classification
// printed per operation, and the changesets held to it (the SDK-surface part: surface.test.mjs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { resolveBase } from "../src/base-ref.mjs";
import { SpecToolError } from "../src/errors.mjs";
import { runSpecDiff } from "../src/spec-diff.mjs";
import { packagesBuiltFromSpec, workspacePackages } from "../src/workspace.mjs";
import { makeTempRepo, repoRoot, sh } from "./temp-repo.mjs";

const FOLLOWERS = "openapi/paths/user/get-followers.yaml";
const run = (repo, argv = ["--no-surface"], env = {}) => {
  const out = [];
  const { exitCode } = runSpecDiff(argv, { cwd: repo.dir, env, log: (line) => out.push(line) });
  return { exitCode, text: out.join("\n") };
};
const changeset = (packages, bump) => `---\n${packages.map((p) => `"${p}": ${bump}`).join("\n")}\n---\n\nTest change.\n`;

let repo;
beforeEach(() => {
  repo = makeTempRepo();
  sh(repo.dir, "git", ["checkout", "-q", "-b", "feature"]);
});

describe("the published packages a spec change reaches", () => {
  it("are read from the workspace: every public package depending on the spec, directly or not", () => {
    const names = packagesBuiltFromSpec(workspacePackages(repoRoot)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["@tikhubapi/types", "@tikhubapi/client", "@tikhubapi/mock", "@tikhubapi/cli"]));
    expect(names).not.toContain("@tikhubapi/spec");
    for (const p of workspacePackages(repoRoot).filter((p) => p.private)) expect(names).not.toContain(p.name);
  });
});

describe("a breaking change", () => {
  beforeEach(() => repo.edit(FOLLOWERS, "      required: false\n", "      required: true\n"));
  const reached = () => packagesBuiltFromSpec(workspacePackages(repoRoot)).map((p) => p.name);

  it("without a changeset fails, naming every package that needs a minor bump", () => {
    const { exitCode, text } = run(repo);
    expect(exitCode).toBe(1);
    expect(text).toContain("against");
    expect(text).toContain("(merge base with main)");
    expect(text).toContain('GET /user/followers: query parameter "offset" became required — breaking');
    expect(text).toMatch(/1 change: 1 breaking, 0 non-breaking, 0 annotation/);
    for (const name of reached()) expect(text).toContain(`${name}: needs minor (breaking), has none ✗`);
    expect(text).toContain("spec:diff: FAILED");
  });

  it("with a patch changeset still fails for the packages it bumps too little", () => {
    repo.write(".changeset/offset.md", changeset(reached(), "patch"));
    const { exitCode, text } = run(repo);
    expect(exitCode).toBe(1);
    expect(text).toContain("@tikhubapi/client: needs minor (breaking), has patch in .changeset/offset.md ✗");
  });

  it("passes once a changeset (committed or not) bumps every reached package by a minor", () => {
    const [first, ...rest] = reached();
    repo.write(".changeset/offset.md", changeset(rest, "minor"));
    expect(run(repo).exitCode).toBe(1);
    repo.write(".changeset/offset-more.md", changeset([first], "major"));
    repo.commit("offset required, with changesets");
    const { exitCode, text } = run(repo);
    expect(text).toContain("spec:diff: ok");
    expect(exitCode).toBe(0);
  });

  it("with --base set to the edited commit shows no change", () => {
    repo.commit("offset required");
    const { exitCode, text } = run(repo, ["--no-surface", "--base", "HEAD"]);
    expect(text).toContain("0 changes");
    expect(exitCode).toBe(0);
  });
});

describe("a non-breaking change", () => {
  it("needs at least a patch changeset", () => {
    repo.edit(
      FOLLOWERS,
      "  parameters:\n",
      "  parameters:\n    - name: count\n      in: query\n      required: false\n      schema:\n        type: integer\n        minimum: 1\n      example: 20\n",
    );
    const failed = run(repo);
    expect(failed.text).toContain('GET /user/followers: query parameter "count" added (optional) — non-breaking');
    expect(failed.exitCode).toBe(1);
    expect(failed.text).toContain("needs patch (non-breaking), has none ✗");
    repo.write(
      ".changeset/count.md",
      changeset(
        packagesBuiltFromSpec(workspacePackages(repoRoot)).map((p) => p.name),
        "patch",
      ),
    );
    expect(run(repo).exitCode).toBe(0);
  });
});

describe("annotations only", () => {
  it("need no changeset", () => {
    repo.edit(FOLLOWERS, 'summary: "Get user follower list"', 'summary: "List the accounts that follow a user"');
    const jsonPath = join(repo.dir, "spec-diff.json");
    const { exitCode, text } = run(repo, ["--no-surface", "--json", jsonPath]);
    expect(text).toContain("GET /user/followers: summary changed — annotation");
    const report = JSON.parse(readFileSync(jsonPath, "utf8"));
    expect(report.counts).toEqual({ total: 1, breaking: 0, "non-breaking": 0, annotation: 1 });
    expect(report.changes).toEqual([
      expect.objectContaining({ operation: "GET /user/followers", operationId: "userGetFollowers", type: "annotation", message: "summary changed" }),
    ]);
    expect(text).toContain("Annotations only: no changeset needed.");
    expect(exitCode).toBe(0);
  });
});

describe("the base", () => {
  it("on main with no release tag is HEAD~1; with a release tag, the tag", () => {
    sh(repo.dir, "git", ["checkout", "-q", "main"]);
    const first = sh(repo.dir, "git", ["rev-parse", "HEAD"]);
    expect(resolveBase(repo.dir, { env: {} })).toMatchObject({ sha: first, label: "HEAD", why: expect.stringContaining("single commit") });
    repo.edit(FOLLOWERS, 'summary: "Get user follower list"', 'summary: "Followers"');
    repo.commit("second");
    expect(resolveBase(repo.dir, { env: {} })).toMatchObject({ sha: first, label: "HEAD~1" });
    sh(repo.dir, "git", ["tag", "@tikhubapi/client@0.2.0", first]);
    repo.edit(FOLLOWERS, 'summary: "Followers"', 'summary: "Followers 3"');
    repo.commit("third");
    expect(resolveBase(repo.dir, { env: {} })).toMatchObject({ sha: first, label: "@tikhubapi/client@0.2.0", why: "the last release tag" });
  });

  it("on a pull request in CI is the merge base with origin/<GITHUB_BASE_REF>", () => {
    const base = sh(repo.dir, "git", ["rev-parse", "main"]);
    sh(repo.dir, "git", ["update-ref", "refs/remotes/origin/main", base]);
    repo.edit(FOLLOWERS, 'summary: "Get user follower list"', 'summary: "Followers"');
    repo.commit("on the branch");
    sh(repo.dir, "git", ["checkout", "-q", "--detach"]); // actions/checkout leaves the merge commit detached
    expect(resolveBase(repo.dir, { env: { GITHUB_BASE_REF: "main" } })).toMatchObject({
      sha: base,
      why: "merge base with origin/main (the pull request's base)",
    });
  });

  it("refuses an unknown --base and a pull request base that was not fetched, saying what to do", () => {
    expect(() => resolveBase(repo.dir, { base: "no-such-ref", env: {} })).toThrow(/--base no-such-ref: no such commit/);
    expect(() => resolveBase(repo.dir, { env: { GITHUB_BASE_REF: "main" } })).toThrow(/fetch-depth: 0/);
    expect(() => run(repo, ["--frobnicate"])).toThrow(SpecToolError);
  });

  it("refuses a malformed changeset, naming the file", () => {
    repo.edit(FOLLOWERS, "      required: false\n", "      required: true\n");
    repo.write(".changeset/broken.md", '---\n"@tikhubapi/client": huge\n---\n\nx\n');
    expect(() => run(repo)).toThrow(/\.changeset\/broken\.md: not a valid changeset/);
  });

  it("names a base whose spec does not bundle", () => {
    repo.write("openapi/tikhub.yaml", "openapi: 3.1.0\npaths:\n  /x:\n    $ref: paths/none.yaml\n");
    repo.commit("broken spec");
    expect(() => run(repo, ["--no-surface", "--base", "HEAD"])).toThrow(/the spec of HEAD does not bundle/);
  });
});
