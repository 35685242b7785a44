// The rules of the spec check (scripts/check-spec.mjs), one named function each, over the operation
// model (@tikhubapi/spec/model) and, where a rule is about the spec's text itself (descriptions, $refs,
// examples, schemas), the bundle. Only the rules are exported. A rule of one operation returns its problems
// as strings (the runner names the operation; responseProblems also says what it counted); a rule over
// several operations or the components returns [where, problem] pairs. Nothing here re-reads
// x-pagination, parameter constraints or names: the model does.

import { deref, pointer } from "../openapi/dist/lib/model.js";
import { paginationFromCatalog } from "../openapi/dist/lib/node/catalog.js";
import { DOCUMENTED_ERRORS, readField } from "../openapi/dist/lib/runtime.js";
import { expand, fieldSchemas, isIntegerSchema, optionalSteps, propertySchemas, walkValue } from "../openapi/dist/lib/schema-walk.js";

const ERROR_STATUSES = DOCUMENTED_ERRORS.map((e) => e.status);
export const STATUSES = [200, ...ERROR_STATUSES];
const PLACEHOLDER_NUMBERS = new Set([9007199254740991, -9007199254740991]);
const INT32_MAX = 2 ** 31 - 1;
/** The constraints a parameter name keeps on every operation (a `maximum` or an `enum` may differ where one operation's evidence gives one). */
const SHARED_CONSTRAINTS = ["type", "format", "pattern", "minLength", "maxLength", "minimum"];
/** Paging parameters and their floor. */
const PARAMETER_FLOORS = { offset: 0, count: 1, limit: 1, page: 1 };

/**
 * What a rule reads: `spec` the bundle, `validator` ajv over it, and for one catalog row `row`, its
 * model `op` (an OperationModel) and `raw` ({ method, path, operation } of the bundle).
 * @typedef {{ spec: any, validator: import("../openapi/dist/lib/node/validator.js").SpecValidator }} Context
 */

/** Placeholder values Prism would invent (the text "string", ±2^53−1), with where they stand. */
function placeholders(value, path = "") {
  const found = [];
  if (value === "string") found.push(`${path || "(value)"} is the placeholder "string"`);
  else if (typeof value === "number" && PLACEHOLDER_NUMBERS.has(value)) found.push(`${path} is Prism's placeholder ${value}`);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) found.push(...placeholders(v, `${path}[${i}]`));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) found.push(...placeholders(v, `${path}.${k}`));
  return found;
}

/** The media-type examples of a response: [{ name, value }]. */
function examplesOf(spec, response) {
  const media = response?.content?.["application/json"];
  if (!media) return [];
  const out = [];
  if ("example" in media) out.push({ name: "example", value: media.example });
  for (const [name, ex] of Object.entries(media.examples ?? {})) out.push({ name, value: deref(spec, ex)?.value });
  return out;
}

/** The 200 schema of an operation of the bundle. */
const schema200Of = (spec, raw) => deref(spec, raw.operation.responses?.["200"])?.content?.["application/json"]?.schema;

/** Method, path, summary (the documentation title), tag and evidence as the catalog lists them; a description in our own words. */
export function identityMatchesCatalog(row, op, raw) {
  const out = [];
  if (raw.method !== row.method.toLowerCase() || op.path !== row.path)
    out.push(`is ${raw.method.toUpperCase()} ${op.path}, the catalog says ${row.method} ${row.path}`);
  if (op.summary !== row.title) out.push(`summary "${op.summary}" ≠ documentation title "${row.title}"`);
  if (JSON.stringify(raw.operation.tags) !== JSON.stringify([row.section])) out.push(`tags ${JSON.stringify(raw.operation.tags)} ≠ ["${row.section}"]`);
  if (op.evidence !== row.status) out.push(`x-status ${op.evidence} ≠ catalog status ${row.status}`);
  if (op.description.length < 40) out.push("needs a description in our own words");
  if (row.status !== "CONFIRMED" && !/PROPOSED|EQUIV|best reading|not seen/i.test(op.description))
    out.push(`description must say the ${row.status} path/params are our best reading`);
  return out;
}

/** x-pagination is the catalog's paging, plus an optional totalField (the size of the whole list) where the catalog's response names one. */
export function pagingMatchesCatalog(row, op) {
  const out = [];
  const expected = paginationFromCatalog(row.pagination);
  const { totalField, ...paging } = op.pagination ?? {};
  if (JSON.stringify(op.pagination ? paging : undefined) !== JSON.stringify(expected))
    out.push(`x-pagination ${JSON.stringify(op.pagination ?? undefined)} ≠ catalog ${JSON.stringify(expected)}`);
  if (totalField !== undefined && !new RegExp(`\\b${totalField}\\b`).test(row.response ?? ""))
    out.push(`x-pagination totalField ${JSON.stringify(totalField)} is not a field the catalog's response names`);
  return out;
}

/** Every field x-pagination names is declared in the 200 schema, at that place below `data`, and required at every step. */
export function pagingFieldsDeclared({ spec }, op, raw) {
  const out = [];
  const schema200 = schema200Of(spec, raw);
  if (!op.pagination || !schema200) return out;
  const dataSchemas = propertySchemas(spec, [schema200], "data");
  for (const key of ["itemsField", "hasMoreField", "nextCursorField", "totalField"]) {
    const field = op.pagination[key];
    if (!field) continue;
    const found = fieldSchemas(spec, dataSchemas, field);
    if (found.length === 0) out.push(`x-pagination ${key} data.${field} is not declared in the 200 schema`);
    else if (key === "itemsField" && !found.some((f) => deref(spec, f)?.type === "array"))
      out.push(`x-pagination itemsField data.${field} is not declared as an array`);
    else if (key === "totalField" && !found.some((f) => deref(spec, f)?.type === "integer"))
      out.push(`x-pagination totalField data.${field} is not declared as an integer`);
    for (const step of found.length ? optionalSteps(spec, dataSchemas, field) : [])
      out.push(`x-pagination ${key}: data.${step} must be required (paging fields are required everywhere)`);
  }
  return out;
}

/** A list that answers has_more but is not paged must say why (e.g. /live/ranking/*: a truncated top list). */
export function unpagedHasMoreExplained({ spec }, op, raw) {
  const out = [];
  const schema200 = schema200Of(spec, raw);
  if (op.pagination || !schema200) return out;
  let level = propertySchemas(spec, [schema200], "data");
  for (let depth = 0; depth < 3 && level.length; depth++) {
    for (const hm of [...propertySchemas(spec, level, "has_more"), ...propertySchemas(spec, level, "hasMore")]) {
      if (!/not paged/i.test(deref(spec, hm)?.description ?? "") || !/not paged/i.test(op.description)) {
        out.push("answers has_more without x-pagination: the field and the operation must say it is not paged and what it means");
      }
    }
    level = level.flatMap((s) => expand(spec, s)).flatMap((s) => Object.values(s.properties ?? {}));
  }
  return out;
}

/** The documented risk-control answer (HTTP 200, code ≠ 0, data null) is a valid 200 body too. */
export function acceptsRiskControl({ spec, validator }, op) {
  const riskControl = spec.components?.schemas?.RiskControlEnvelope?.example;
  if (!riskControl) return ["components.schemas.RiskControlEnvelope needs its example"];
  const check = validator.validateResponse(op.id, "200", riskControl);
  return check.valid ? [] : [`the 200 schema rejects the risk-control answer ${JSON.stringify(riskControl)}: ${check.errors.slice(0, 3).join("; ")}`];
}

/** The schema pointer of a parameter of the bundle's operation (through its $ref where it has one). */
function parameterSchemaPointer(raw, name, spec) {
  const list = raw.operation.parameters ?? [];
  const i = list.findIndex((p) => deref(spec, p)?.name === name);
  const base = list[i].$ref ? list[i].$ref.replace(/^#/, "") : `/${pointer("paths", raw.path, raw.method, "parameters", i)}`;
  return `${base}/schema`;
}

/** The parameters are the catalog's: names, location, required flag, type, enum, example; ids are strings; required strings have minLength; paging floors. */
export function parametersMatchCatalog({ spec, validator }, row, op, raw) {
  const out = [];
  const byName = new Map(op.params.map((p) => [p.name, p]));
  for (const p of op.params) if (!row.params.some((c) => c.name === p.name)) out.push(`parameter ${p.name} is not in the catalog`);
  for (const c of row.params) {
    const p = byName.get(c.name);
    if (!p) {
      out.push(`parameter ${c.name} missing`);
      continue;
    }
    const where = `parameter ${c.name}`;
    if (c.in !== "query") out.push(`${where}: in query ≠ ${c.in}`);
    if (p.required !== c.required) out.push(`${where}: required ${p.required} ≠ ${c.required}`);
    if (p.type !== c.type) out.push(`${where}: type ${p.type} ≠ ${c.type}`);
    if (/(^|_)id$/.test(c.name) && p.type !== "string") out.push(`${where}: id parameters must be strings (64-bit)`);
    if (c.enum && JSON.stringify(p.enum) !== JSON.stringify(c.enum)) out.push(`${where}: enum ${JSON.stringify(p.enum)} ≠ ${JSON.stringify(c.enum)}`);
    if (c.example !== null && c.example !== undefined && JSON.stringify(p.example) !== JSON.stringify(c.example))
      out.push(`${where}: example ${JSON.stringify(p.example)} ≠ catalog ${JSON.stringify(c.example)}`);
    if (p.type === "string" && p.required && !(p.minLength >= 1)) out.push(`${where}: a required string needs minLength: 1 (an empty value must be a 400)`);
    if (c.name in PARAMETER_FLOORS && p.minimum !== PARAMETER_FLOORS[c.name]) out.push(`${where}: needs minimum: ${PARAMETER_FLOORS[c.name]}`);
    if (p.example === undefined) out.push(`${where}: no example`);
    else {
      const check = validator.validateAt(parameterSchemaPointer(raw, p.name, spec), p.example);
      if (!check.valid) out.push(`${where}: example ${JSON.stringify(p.example)} invalid: ${check.errors.join("; ")}`);
      for (const ph of placeholders(p.example)) out.push(`${where}: ${ph}`);
    }
  }
  return out;
}

/** The constraints (SHARED_CONSTRAINTS) of a parameter, as one comparable text. */
const sharedConstraintsOf = (p) => JSON.stringify(Object.fromEntries(SHARED_CONSTRAINTS.map((k) => [k, p[k]])));

/**
 * A parameter name means the same constraints on every operation: for each name with several variants,
 * [operationId, problem] for every operation of a minority variant.
 * @param {readonly import("../openapi/dist/lib/model.js").OperationModel[]} ops
 */
export function sameNameSameConstraints(ops) {
  const byName = new Map();
  for (const op of ops) {
    for (const p of op.params) {
      const variants = byName.get(p.name) ?? new Map();
      byName.set(p.name, variants);
      const key = sharedConstraintsOf(p);
      variants.set(key, [...(variants.get(key) ?? []), op.id]);
    }
  }
  const out = [];
  for (const [name, variants] of byName) {
    if (variants.size < 2) continue;
    const described = [...variants].map(([c, ids]) => `${c} on ${ids.join(", ")}`).join(" vs ");
    const [, ...minority] = [...variants.values()].sort((a, b) => b.length - a.length);
    for (const id of minority.flat()) out.push([id, `parameter ${name}: constraints differ across operations: ${described}`]);
  }
  return out;
}

/** Integers beyond int32 in an example where the schema declares an integer without `format: int64`. */
function int32Overflows(spec, schema, value) {
  const found = [];
  walkValue(spec, [schema], value, (v, schemas, path) => {
    if (!Number.isInteger(v) || Math.abs(v) <= INT32_MAX) return;
    const integers = schemas.filter(isIntegerSchema);
    if (integers.length > 0 && !integers.some((s) => s.format === "int64"))
      found.push(`${path} = ${v} exceeds int32 but its integer schema lacks format: int64`);
  });
  return found;
}

/** Problems of one example of a 200: an envelope with code 0 and msg "success"; for a paged list, its items, has-more and next cursor. */
function successExampleProblems(op, value) {
  const out = [];
  if (value?.code !== 0 || value?.msg !== "success") out.push('code must be 0 and msg "success"');
  const p = op.pagination;
  if (p) {
    const data = value?.data;
    const items = readField(data, p.itemsField);
    if (!Array.isArray(items) || items.length === 0) out.push(`items field data.${p.itemsField} must be a non-empty array`);
    if (readField(data, p.hasMoreField) === undefined) out.push(`has-more field data.${p.hasMoreField} missing`);
    if (p.nextCursorField && readField(data, p.nextCursorField) === undefined) out.push(`next-cursor field data.${p.nextCursorField} missing`);
  }
  return out;
}

/**
 * One documented response (200 or a documented error): present, the shared component for an error,
 * Retry-After on 429, with examples that validate, hold no placeholder and no int32 overflow.
 * Returns { present, examplesValid, problems }.
 */
export function responseProblems({ spec, validator }, op, raw, status) {
  const problems = [];
  const rawResponse = raw.operation.responses?.[String(status)];
  if (!rawResponse) return { present: false, examplesValid: false, problems: [`response ${status} missing`] };
  const response = deref(spec, rawResponse);
  if (ERROR_STATUSES.includes(status) && !rawResponse.$ref) problems.push(`response ${status} should $ref the shared components/responses entry`);
  if (status === 429 && !response.headers?.["Retry-After"]) problems.push("response 429 lacks the Retry-After header");
  const examples = examplesOf(spec, response);
  if (examples.length === 0) return { present: true, examplesValid: false, problems: [...problems, `response ${status} has no example`] };
  let examplesValid = true;
  for (const { name, value } of examples) {
    const where = `response ${status} example ${name}`;
    const found = [];
    const { valid, errors } = validator.validateResponse(op.id, status, value);
    if (!valid) found.push(`${where} does not validate: ${errors.slice(0, 5).join("; ")}`);
    for (const ph of placeholders(value)) found.push(`${where}: ${ph}`);
    for (const big of int32Overflows(spec, response.content["application/json"].schema, value)) found.push(`${where}: ${big}`);
    if (status === 200) for (const what of successExampleProblems(op, value)) found.push(`${where}: ${what}`);
    if (found.length) examplesValid = false;
    problems.push(...found);
  }
  return { present: true, examplesValid, problems };
}

/** Every `example` written inside a component schema validates against that schema (required fields included): [where, problem]. */
export function componentExamplesValid({ spec, validator }) {
  const out = [];
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    const visit = (node, pointerPath) => {
      if (!node || typeof node !== "object") return;
      if ("example" in node && !Array.isArray(node)) {
        const check = validator.validateAt(pointerPath, node.example);
        if (!check.valid) out.push([`components.schemas.${name}`, `example at ${pointerPath} does not validate: ${check.errors.slice(0, 3).join("; ")}`]);
      }
      for (const [key, child] of Object.entries(node)) if (key !== "example" && typeof child === "object") visit(child, `${pointerPath}/${pointer(key)}`);
    };
    visit(schema, `/components/schemas/${name}`);
  }
  return out;
}

/** The page capture cuts the JSON mid-string: drop the cut token and close what is open. */
function repairCutJson(text) {
  let t = text.trimEnd();
  t = t.slice(0, t.lastIndexOf(","));
  const stack = [];
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") stack.push(ch === "{" ? "}" : "]");
    else if (ch === "}" || ch === "]") stack.pop();
  }
  return JSON.parse(t + stack.reverse().join(""));
}

/** Fields of a value that no schema declares (the first undeclared step of each). */
function undeclaredFields(spec, value, schemaNode) {
  const out = [];
  walkValue(spec, [schemaNode], value, (_v, schemas, path) => {
    if (path && schemas.length === 0 && !out.some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) out.push(path);
  });
  return out;
}

/** The documentation page's own response (the capture's text) validates against GET /live/info's 200, with every field it shows declared. */
export function documentationPageMatches({ spec, validator }, seedText) {
  const out = [];
  const body = repairCutJson(seedText.slice(seedText.indexOf("{", seedText.indexOf("Response Response Example")), seedText.lastIndexOf("\nPrevious")));
  const { valid, errors } = validator.validateResponse("liveGetInfo", 200, body);
  if (!valid) out.push(`the documentation page's response does not validate: ${errors.join("; ")}`);
  const schema = deref(spec, spec.paths["/live/info"].get.responses["200"]).content["application/json"].schema;
  for (const missing of undeclaredFields(spec, body, schema)) out.push(`field ${missing} on the documentation page is not declared in the 200 schema`);
  return out;
}
