// `pnpm spec:diff [--base <git-ref>] [--no-surface] [--json <file>]`: every change of openapi/ since the
// base, per operation, classified breaking / non-breaking / annotation; the SDK-surface check; and the
// changesets held to the result. Exit 0: accounted for; 1: a change no changeset accounts for (or the
// surface check failed); 2: could not run (the message says why).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseToolArgs } from "./args.mjs";
import { resolveBase } from "./base-ref.mjs";
import { bundleAtCommit, bundleWorkingTree } from "./bundle.mjs";
import { changedChangesets, matchChangesets, readChangesets } from "./changesets.mjs";
import { changeLine, compareSpecs, summarize, VERDICTS } from "./diff/compare.mjs";
import { git } from "./git.mjs";
import { checkSurface } from "./surface.mjs";
import { packagesBuiltFromSpec, workspacePackages } from "./workspace.mjs";

export const USAGE = "usage: pnpm spec:diff [--base <git-ref>] [--no-surface] [--json <file>]";

/** One breaking change per operation whose calls no longer compile (the call, `.pages()` and `.iterate()` together). */
export function surfaceChanges(problems) {
  const byOperation = new Map();
  for (const p of problems) {
    if (!byOperation.has(p.operationId)) byOperation.set(p.operationId, []);
    byOperation.get(p.operationId).push(p);
  }
  return [...byOperation.values()].map(([first, ...rest]) => {
    const call = first.call.replace(/^await /, "").replace(/;$/, "");
    const message = first.message.length > 160 ? `${first.message.slice(0, 159)}…` : first.message;
    const more = rest.length ? ` (and ${rest.length} more call${rest.length === 1 ? "" : "s"}: .pages()/.iterate())` : "";
    return {
      operation: first.operation,
      operationId: first.operationId,
      type: "breaking",
      message: `SDK surface: \`${call}\` no longer compiles${more}: ${message}`,
      rule: "sdk-surface",
    };
  });
}

/** Runs the whole check; returns { exitCode, report } and prints through `log`. */
export function runSpecDiff(argv, { cwd = process.cwd(), env = process.env, log = console.log } = {}) {
  const args = parseToolArgs(argv, { base: { type: "string" }, "no-surface": { type: "boolean" }, json: { type: "string" } }, USAGE);
  if (args.help) {
    log(USAGE);
    return { exitCode: 0 };
  }
  const repoRoot = git(cwd, ["rev-parse", "--show-toplevel"]);
  const base = resolveBase(repoRoot, { base: args.base, env });
  log(`spec:diff: openapi/ in the working tree against ${base.label} (${base.why})`);
  const before = bundleAtCommit(repoRoot, base.sha, base.label);
  const after = bundleWorkingTree(repoRoot);
  const changes = compareSpecs(before, after);

  let surface = null;
  if (!args["no-surface"]) {
    surface = checkSurface(before, { workDir: join(repoRoot, "packages", "spec-tools", ".surface"), label: `${base.label}'s spec` });
    changes.push(...surfaceChanges(surface.problems));
    changes.sort((a, b) => VERDICTS.indexOf(a.type) - VERDICTS.indexOf(b.type));
  }
  const counts = summarize(changes);
  log(
    `\n${counts.total} change${counts.total === 1 ? "" : "s"}: ${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking, ${counts.annotation} annotation`,
  );
  for (const c of changes) log(`  ${changeLine(c)}`);
  if (surface)
    log(
      `\nSDK surface: ${surface.calls} calls of ${surface.operations} operations from ${base.label}'s spec type-checked against the client as built now: ${surface.problems.length} fail`,
    );

  const verdict = counts.breaking ? "breaking" : counts["non-breaking"] ? "non-breaking" : counts.annotation ? "annotation" : "none";
  const packages = packagesBuiltFromSpec(workspacePackages(repoRoot));
  const files = changedChangesets(repoRoot, base.sha);
  const match = matchChangesets({ verdict, packages, changesets: readChangesets(repoRoot, files) });
  log(`\nChangesets since ${base.label}: ${files.length ? files.join(", ") : "none"}`);
  if (verdict === "none" || verdict === "annotation") {
    log(verdict === "none" ? "No change to the spec: no changeset needed." : "Annotations only: no changeset needed.");
  } else {
    for (const n of match.needed)
      log(
        `  ${n.name}: needs ${n.need} (${verdict}), has ${n.have}${n.files.length ? ` in ${n.files.join(", ")}` : ""}${match.missing.includes(n) ? " ✗" : " ✓"}`,
      );
    if (match.missing.length) {
      log(
        `\nspec:diff: FAILED — ${verdict} change${counts[verdict] === 1 ? "" : "s"} with no changeset for ${match.missing.map((m) => `${m.name} (${m.need})`).join(", ")}.`,
      );
      log(`Add one with \`pnpm changeset\` (or a .changeset/<name>.md) bumping ${match.missing.map((m) => `"${m.name}": ${m.need}`).join(", ")}.`);
    } else log(`\nspec:diff: ok — the changesets account for every ${verdict} change.`);
  }
  const report = { base, counts, changes, surface, changesets: { files, ...match } };
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
  return { exitCode: match.missing.length && verdict !== "annotation" && verdict !== "none" ? 1 : 0, report };
}
