// The spec check: the bundled spec against the endpoint catalog and its own examples, by the rules of
// scripts/spec-rules.mjs over the operation model. Prints a coverage table per section and exits 1
// naming the operation and field of every gap.
// Usage: node scripts/check-spec.mjs [--section Live]   (a section limits the catalog rows checked)
// Needs the built spec package (`pnpm build`, or `pnpm check:spec`, which builds it first).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildModel, ModelError } from "../openapi/dist/lib/model.js";
import { loadCatalog } from "../openapi/dist/lib/node/catalog.js";
import { loadSpec } from "../openapi/dist/lib/node/spec.js";
import { createSpecValidator } from "../openapi/dist/lib/node/validator.js";
import {
  acceptsRiskControl,
  componentExamplesValid,
  documentationPageMatches,
  identityMatchesCatalog,
  pagingFieldsDeclared,
  pagingMatchesCatalog,
  parametersMatchCatalog,
  responseProblems,
  STATUSES,
  sameNameSameConstraints,
  unpagedHasMoreExplained,
} from "./spec-rules.mjs";

const sectionArg = process.argv.indexOf("--section");
const onlySection = sectionArg > 0 ? process.argv[sectionArg + 1] : undefined;

const spec = loadSpec();
const catalog = loadCatalog();
const context = { spec, validator: createSpecValidator(spec) };
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);
// In the spec package (openapi/), whose `test` task caches it as an output.
const resultsDir = new URL("../openapi/.test-results/", import.meta.url);

/** The report the test runner adds up (openapi/.test-results/spec.json, see scripts/run-tests.mjs), then the problems and the exit code. */
function finish(passed, failed) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL("spec.json", resultsDir), JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
  if (problems.length) {
    console.error(`\ncheck-spec: ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ✗ ${p}`);
    process.exit(1);
  }
  console.log("check-spec: every catalog operation is modelled, every example validates");
}

let model;
try {
  model = buildModel(spec);
} catch (error) {
  if (!(error instanceof ModelError)) throw error;
  fail(error.where, `the operation model cannot read it: ${error.problem}`);
  finish(0, 1);
}
const models = new Map(model.map((op) => [op.id, op]));
const rows = catalog.endpoints.filter((e) => !onlySection || e.section === onlySection);
const coverage = new Map(catalog.sections.map((s) => [s, { ops: 0, opsTotal: 0, responses: 0, responsesTotal: 0, examples: 0, examplesTotal: 0 }]));

// Nothing extra: every spec operation must be a catalog row.
const catalogIds = new Set(catalog.endpoints.map((e) => e.operation_id));
for (const op of model) if (!catalogIds.has(op.id)) fail(op.id, `${op.httpMethod} ${op.path} is not in the catalog (never invent an endpoint)`);

for (const row of rows) {
  const cov = coverage.get(row.section);
  cov.opsTotal += 1;
  cov.responsesTotal += STATUSES.length;
  cov.examplesTotal += STATUSES.length;
  const op = models.get(row.operation_id);
  if (!op) {
    fail(row.operation_id, `missing: the catalog lists ${row.method} ${row.path} ("${row.title}")`);
    continue;
  }
  const raw = context.validator.operation(op.id);
  const found = [
    ...identityMatchesCatalog(row, op, raw),
    ...pagingMatchesCatalog(row, op),
    ...pagingFieldsDeclared(context, op, raw),
    ...unpagedHasMoreExplained(context, op, raw),
    ...acceptsRiskControl(context, op),
    ...parametersMatchCatalog(context, row, op, raw),
  ];
  for (const status of STATUSES) {
    const response = responseProblems(context, op, raw, status);
    if (response.present) cov.responses += 1;
    if (response.examplesValid) cov.examples += 1;
    found.push(...response.problems);
  }
  for (const what of found) fail(op.id, what);
  if (found.length === 0) cov.ops += 1;
}

const checkedIds = new Set(rows.map((r) => r.operation_id));
for (const [id, what] of sameNameSameConstraints(model.filter((op) => checkedIds.has(op.id)))) fail(id, what);
for (const [where, what] of componentExamplesValid(context)) fail(where, what);
if (!onlySection || onlySection === "Live") {
  const seedText = readFileSync(new URL("../openapi/reference/seed-get-live-info.txt", import.meta.url), "utf8");
  for (const what of documentationPageMatches(context, seedText)) fail("liveGetInfo", what);
}

// Coverage table.
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad("section", 8)} ${pad("operations", 11)} ${pad("responses", 10)} examples valid`);
const total = { ops: 0, opsTotal: 0, responses: 0, responsesTotal: 0, examples: 0, examplesTotal: 0 };
for (const [section, c] of coverage) {
  if (c.opsTotal === 0) continue;
  for (const k of Object.keys(total)) total[k] += c[k];
  console.log(`${pad(section, 8)} ${pad(`${c.ops}/${c.opsTotal}`, 11)} ${pad(`${c.responses}/${c.responsesTotal}`, 10)} ${c.examples}/${c.examplesTotal}`);
}
console.log(
  `${pad("total", 8)} ${pad(`${total.ops}/${total.opsTotal}`, 11)} ${pad(`${total.responses}/${total.responsesTotal}`, 10)} ${total.examples}/${total.examplesTotal}`,
);

const failedOperations = new Set(problems.map((p) => p.split(":")[0]));
const seedOk = !problems.some((p) => p.startsWith("liveGetInfo: the documentation page") || p.startsWith("liveGetInfo: field "));
finish(rows.filter((r) => !failedOperations.has(r.operation_id)).length + (seedOk ? 1 : 0), failedOperations.size + (seedOk ? 0 : 1));
