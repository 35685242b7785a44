// The spec check: the bundled spec against the endpoint catalog and its own examples.
// Prints a coverage table per section and exits 1 naming the operation and field of every gap.
// Usage: node scripts/check-spec.mjs [--section Live]   (a section limits the catalog rows checked)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadCatalog, paginationFromCatalog } from "../openapi/lib/catalog.mjs";
import { expand, fieldSchemas, isIntegerSchema, optionalSteps, propertySchemas, walkValue } from "../openapi/lib/schema-walk.mjs";
import { createSpecValidator, deref, loadSpec, operationsOf } from "../openapi/lib/validator.mjs";

const DOCUMENTED_ERRORS = ["400", "401", "428", "429", "500"];
const STATUSES = ["200", ...DOCUMENTED_ERRORS];
const PLACEHOLDER_NUMBERS = new Set([9007199254740991, -9007199254740991]);
const INT32_MAX = 2 ** 31 - 1;
// Parameter constraints: the same name means the same constraints on every operation (a `maximum` or an
// `enum` may differ where one operation's evidence gives one); paging parameters have their floor.
const SHARED_CONSTRAINTS = ["type", "format", "pattern", "minLength", "maxLength", "minimum"];
const PARAMETER_FLOORS = { offset: 0, count: 1, limit: 1, page: 1 };
const constraintsByName = new Map();

const sectionArg = process.argv.indexOf("--section");
const onlySection = sectionArg > 0 ? process.argv[sectionArg + 1] : undefined;

const spec = loadSpec();
const catalog = loadCatalog();
const validator = createSpecValidator(spec);
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

const specOps = new Map(operationsOf(spec).map((o) => [o.operation.operationId, o]));
const rows = catalog.endpoints.filter((e) => !onlySection || e.section === onlySection);
const coverage = new Map(catalog.sections.map((s) => [s, { ops: 0, opsTotal: 0, responses: 0, responsesTotal: 0, examples: 0, examplesTotal: 0 }]));

// Nothing extra: every spec operation must be a catalog row.
const catalogIds = new Set(catalog.endpoints.map((e) => e.operation_id));
for (const [id, { method, path }] of specOps) {
  if (!catalogIds.has(id)) fail(id, `${method.toUpperCase()} ${path} is not in the catalog (never invent an endpoint)`);
}

const typeOf = (schema) => (Array.isArray(schema?.type) ? schema.type.join("|") : schema?.type);

function placeholders(value, path = "") {
  const found = [];
  if (value === "string") found.push(`${path || "(value)"} is the placeholder "string"`);
  else if (typeof value === "number" && PLACEHOLDER_NUMBERS.has(value)) found.push(`${path} is Prism's placeholder ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => found.push(...placeholders(v, `${path}[${i}]`)));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) found.push(...placeholders(v, `${path}.${k}`));
  return found;
}

/** The media-type examples of a response: [{ name, value }]. */
function examplesOf(response) {
  const media = response?.content?.["application/json"];
  if (!media) return [];
  const out = [];
  if ("example" in media) out.push({ name: "example", value: media.example });
  for (const [name, ex] of Object.entries(media.examples ?? {})) out.push({ name, value: deref(spec, ex)?.value });
  return out;
}

/** Reads a dotted field ("pagination.has_more", "body.sections[].items") from a page's data. */
function readField(data, field) {
  return field.split(".").reduce((acc, key) => {
    if (acc === undefined) return undefined;
    if (key.endsWith("[]")) {
      const list = acc?.[key.slice(0, -2)];
      return Array.isArray(list) ? list : undefined;
    }
    return Array.isArray(acc) ? acc.flatMap((v) => v?.[key] ?? []) : acc?.[key];
  }, data);
}

for (const row of rows) {
  const cov = coverage.get(row.section);
  cov.opsTotal += 1;
  cov.responsesTotal += STATUSES.length;
  cov.examplesTotal += STATUSES.length;
  const id = row.operation_id;
  const found = specOps.get(id);
  if (!found) {
    fail(id, `missing: the catalog lists ${row.method} ${row.path} ("${row.title}")`);
    continue;
  }
  const { method, path, operation } = found;
  let opOk = true;
  const opFail = (what) => { opOk = false; fail(id, what); };
  if (method !== row.method.toLowerCase() || path !== row.path) opFail(`is ${method.toUpperCase()} ${path}, the catalog says ${row.method} ${row.path}`);
  if (operation.summary !== row.title) opFail(`summary "${operation.summary}" ≠ documentation title "${row.title}"`);
  if (JSON.stringify(operation.tags) !== JSON.stringify([row.section])) opFail(`tags ${JSON.stringify(operation.tags)} ≠ ["${row.section}"]`);
  if (operation["x-status"] !== row.status) opFail(`x-status ${operation["x-status"]} ≠ catalog status ${row.status}`);
  if (!operation.description || operation.description.length < 40) opFail("needs a description in our own words");
  if (row.status !== "CONFIRMED" && !/PROPOSED|EQUIV|best reading|not seen/i.test(operation.description ?? "")) opFail(`description must say the ${row.status} path/params are our best reading`);

  // x-pagination is the catalog's paging, plus an optional totalField (the size of the whole list) where
  // the catalog's response names one.
  const expectedPaging = paginationFromCatalog(row.pagination);
  const { totalField, ...catalogPaging } = operation["x-pagination"] ?? {};
  if (JSON.stringify(operation["x-pagination"] ? catalogPaging : undefined) !== JSON.stringify(expectedPaging)) {
    opFail(`x-pagination ${JSON.stringify(operation["x-pagination"])} ≠ catalog ${JSON.stringify(expectedPaging)}`);
  }
  if (totalField !== undefined && (typeof totalField !== "string" || !new RegExp(`\\b${totalField}\\b`).test(row.response ?? ""))) {
    opFail(`x-pagination totalField ${JSON.stringify(totalField)} is not a field the catalog's response names`);
  }

  // Every field x-pagination names is declared in the 200 schema, at that place below `data`.
  const schema200 = deref(spec, operation.responses?.["200"])?.content?.["application/json"]?.schema;
  if (expectedPaging && schema200) {
    const dataSchemas = propertySchemas(spec, [schema200], "data");
    for (const key of ["itemsField", "hasMoreField", "nextCursorField", "totalField"]) {
      const field = key === "totalField" ? totalField : expectedPaging[key];
      if (!field) continue;
      const found = fieldSchemas(spec, dataSchemas, field);
      if (found.length === 0) opFail(`x-pagination ${key} data.${field} is not declared in the 200 schema`);
      else if (key === "itemsField" && !found.some((f) => deref(spec, f)?.type === "array")) opFail(`x-pagination itemsField data.${field} is not declared as an array`);
      else if (key === "totalField" && !found.some((f) => deref(spec, f)?.type === "integer")) opFail(`x-pagination totalField data.${field} is not declared as an integer`);
      for (const step of found.length ? optionalSteps(spec, dataSchemas, field) : []) opFail(`x-pagination ${key}: data.${step} must be required (paging fields are required everywhere)`);
    }
  }

  // A list that answers has_more but is not paged must say why (e.g. /live/ranking/*: a truncated top list).
  if (!expectedPaging && schema200) {
    let level = propertySchemas(spec, [schema200], "data");
    for (let depth = 0; depth < 3 && level.length; depth++) {
      for (const hm of [...propertySchemas(spec, level, "has_more"), ...propertySchemas(spec, level, "hasMore")]) {
        if (!/not paged/i.test(deref(spec, hm)?.description ?? "") || !/not paged/i.test(operation.description ?? "")) opFail("answers has_more without x-pagination: the field and the operation must say it is not paged and what it means");
      }
      level = level.flatMap((s) => expand(spec, s)).flatMap((s) => Object.values(s.properties ?? {}));
    }
  }

  // The documented risk-control answer (HTTP 200, code ≠ 0, data null) is a valid 200 body too.
  const riskControl = spec.components?.schemas?.RiskControlEnvelope?.example;
  if (!riskControl) opFail("components.schemas.RiskControlEnvelope needs its example");
  else {
    const check = validator.validateResponse(id, "200", riskControl);
    if (!check.valid) opFail(`the 200 schema rejects the risk-control answer ${JSON.stringify(riskControl)}: ${check.errors.slice(0, 3).join("; ")}`);
  }

  // Parameters: same names, location, required flag, type, enum; each with a valid example.
  const rawParams = operation.parameters ?? [];
  const params = rawParams.map((p) => deref(spec, p));
  const schemaPointer = (p) => {
    const i = params.indexOf(p);
    const raw = rawParams[i];
    const base = raw.$ref ? raw.$ref.replace(/^#/, "") : `/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}/parameters/${i}`;
    return `${base}/schema`;
  };
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const p of params) if (!row.params.some((c) => c.name === p.name)) opFail(`parameter ${p.name} is not in the catalog`);
  if (new Set(params.map((p) => p.name)).size !== params.length) opFail("a parameter is listed twice");
  for (const c of row.params) {
    const p = byName.get(c.name);
    if (!p) { opFail(`parameter ${c.name} missing`); continue; }
    const where = `parameter ${c.name}`;
    if (p.in !== c.in) opFail(`${where}: in ${p.in} ≠ ${c.in}`);
    if (Boolean(p.required) !== c.required) opFail(`${where}: required ${Boolean(p.required)} ≠ ${c.required}`);
    if (typeOf(p.schema) !== c.type) opFail(`${where}: type ${typeOf(p.schema)} ≠ ${c.type}`);
    if (/(^|_)id$/.test(c.name) && typeOf(p.schema) !== "string") opFail(`${where}: id parameters must be strings (64-bit)`);
    if (c.enum && JSON.stringify(p.schema?.enum) !== JSON.stringify(c.enum)) opFail(`${where}: enum ${JSON.stringify(p.schema?.enum)} ≠ ${JSON.stringify(c.enum)}`);
    if (c.example !== null && c.example !== undefined && JSON.stringify(p.example) !== JSON.stringify(c.example)) opFail(`${where}: example ${JSON.stringify(p.example)} ≠ catalog ${JSON.stringify(c.example)}`);
    if (p.schema?.type === "string" && p.required && !(p.schema.minLength >= 1)) opFail(`${where}: a required string needs minLength: 1 (an empty value must be a 400)`);
    if (c.name in PARAMETER_FLOORS && p.schema?.minimum !== PARAMETER_FLOORS[c.name]) opFail(`${where}: needs minimum: ${PARAMETER_FLOORS[c.name]}`);
    const constraints = JSON.stringify(Object.fromEntries(SHARED_CONSTRAINTS.map((k) => [k, p.schema?.[k]])));
    if (!constraintsByName.has(c.name)) constraintsByName.set(c.name, new Map());
    constraintsByName.get(c.name).set(constraints, [...(constraintsByName.get(c.name).get(constraints) ?? []), id]);
    if (p.example === undefined) opFail(`${where}: no example`);
    else {
      const check = validator.validateAt(schemaPointer(p), p.example);
      if (!check.valid) opFail(`${where}: example ${JSON.stringify(p.example)} invalid: ${check.errors.join("; ")}`);
      for (const ph of placeholders(p.example)) opFail(`${where}: ${ph}`);
    }
  }

  // Responses: 200 + the five documented errors, each with an example that validates.
  for (const status of STATUSES) {
    const raw = operation.responses?.[status];
    if (!raw) { opFail(`response ${status} missing`); continue; }
    const response = deref(spec, raw);
    if (DOCUMENTED_ERRORS.includes(status) && !raw.$ref) opFail(`response ${status} should $ref the shared components/responses entry`);
    if (status === "429" && !response.headers?.["Retry-After"]) opFail("response 429 lacks the Retry-After header");
    cov.responses += 1;
    const examples = examplesOf(response);
    if (examples.length === 0) { opFail(`response ${status} has no example`); continue; }
    let allValid = true;
    for (const { name, value } of examples) {
      const where = `response ${status} example ${name}`;
      const { valid, errors } = validator.validateResponse(id, status, value);
      if (!valid) { allValid = false; opFail(`${where} does not validate: ${errors.slice(0, 5).join("; ")}`); }
      for (const ph of placeholders(value)) { allValid = false; opFail(`${where}: ${ph}`); }
      for (const big of int32Overflows(response.content["application/json"].schema, value)) { allValid = false; opFail(`${where}: ${big}`); }
      if (status === "200") {
        if (value?.code !== 0 || value?.msg !== "success") { allValid = false; opFail(`${where}: code must be 0 and msg "success"`); }
        if (expectedPaging) {
          const data = value?.data;
          const items = readField(data, expectedPaging.itemsField);
          if (!Array.isArray(items) || items.length === 0) { allValid = false; opFail(`${where}: items field data.${expectedPaging.itemsField} must be a non-empty array`); }
          if (readField(data, expectedPaging.hasMoreField) === undefined) { allValid = false; opFail(`${where}: has-more field data.${expectedPaging.hasMoreField} missing`); }
          if (expectedPaging.nextCursorField && readField(data, expectedPaging.nextCursorField) === undefined) { allValid = false; opFail(`${where}: next-cursor field data.${expectedPaging.nextCursorField} missing`); }
        }
      }
    }
    if (allValid) cov.examples += 1;
  }
  if (opOk) cov.ops += 1;
}

/** Integers beyond int32 in an example where the schema declares an integer without `format: int64`. */
function int32Overflows(schema, value) {
  const found = [];
  walkValue(spec, [schema], value, (v, schemas, path) => {
    if (!Number.isInteger(v) || Math.abs(v) <= INT32_MAX) return;
    const integers = schemas.filter(isIntegerSchema);
    if (integers.length > 0 && !integers.some((s) => s.format === "int64")) found.push(`${path} = ${v} exceeds int32 but its integer schema lacks format: int64`);
  });
  return found;
}

for (const [name, variants] of constraintsByName) {
  if (variants.size < 2) continue;
  const described = [...variants].map(([c, ops]) => `${c} on ${ops.join(", ")}`).join(" vs ");
  const [, ...minority] = [...variants.values()].sort((a, b) => b.length - a.length);
  for (const op of minority.flat()) fail(op, `parameter ${name}: constraints differ across operations: ${described}`);
}

// Every `example` written inside a component schema validates against that schema (required fields included).
for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
  const visit = (node, pointerPath) => {
    if (!node || typeof node !== "object") return;
    if ("example" in node && !Array.isArray(node)) {
      const check = validator.validateAt(pointerPath, node.example);
      if (!check.valid) fail(`components.schemas.${name}`, `example at ${pointerPath} does not validate: ${check.errors.slice(0, 3).join("; ")}`);
    }
    for (const [key, child] of Object.entries(node)) if (key !== "example" && typeof child === "object") visit(child, `${pointerPath}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  visit(schema, `/components/schemas/${name}`);
}

// The documentation page's own response must validate, with every field it shows declared.
if (!onlySection || onlySection === "Live") checkSeed();

function checkSeed() {
  const seedText = readFileSync(new URL("../openapi/reference/seed-get-live-info.txt", import.meta.url), "utf8");
  const body = repairCutJson(seedText.slice(seedText.indexOf("{", seedText.indexOf("Response Response Example")), seedText.lastIndexOf("\nPrevious")));
  const { valid, errors } = validator.validateResponse("liveGetInfo", 200, body);
  if (!valid) fail("liveGetInfo", `the documentation page's response does not validate: ${errors.join("; ")}`);
  const schema = deref(spec, spec.paths["/live/info"].get.responses["200"]).content["application/json"].schema;
  for (const missing of undeclaredFields(body, schema)) fail("liveGetInfo", `field ${missing} on the documentation page is not declared in the 200 schema`);
}

/** The page capture cuts the JSON mid-string: drop the cut token and close what is open. */
export function repairCutJson(text) {
  let t = text.trimEnd();
  t = t.slice(0, t.lastIndexOf(","));
  const stack = [];
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (inString) { if (ch === "\\") i++; else if (ch === '"') inString = false; }
    else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") stack.push(ch === "{" ? "}" : "]");
    else if (ch === "}" || ch === "]") stack.pop();
  }
  return JSON.parse(t + stack.reverse().join(""));
}

function undeclaredFields(value, schemaNode) {
  const out = [];
  walkValue(spec, [schemaNode], value, (_v, schemas, path) => {
    if (path && schemas.length === 0 && !out.some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) out.push(path);
  });
  return out;
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
console.log(`${pad("total", 8)} ${pad(`${total.ops}/${total.opsTotal}`, 11)} ${pad(`${total.responses}/${total.responsesTotal}`, 10)} ${total.examples}/${total.examplesTotal}`);

// A report in the shape the test runner adds up (see scripts/run-tests.mjs).
const failedOperations = new Set(problems.map((p) => p.split(":")[0]));
const seedOk = !problems.some((p) => p.startsWith("liveGetInfo: the documentation page") || p.startsWith("liveGetInfo: field "));
// In the spec package (openapi/), whose `test` task caches it as an output.
const resultsDir = new URL("../openapi/.test-results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  new URL("spec.json", resultsDir),
  JSON.stringify({ numPassedTests: rows.filter((r) => !failedOperations.has(r.operation_id)).length + (seedOk ? 1 : 0), numFailedTests: failedOperations.size + (seedOk ? 0 : 1) }),
);

if (problems.length) {
  console.error(`\ncheck-spec: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log("check-spec: every catalog operation is modelled, every example validates");
