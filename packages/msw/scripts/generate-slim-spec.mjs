// The spec data the MSW handlers carry (src/generated/slim-spec.ts), generated at build from the
// bundled spec: only what the handlers read. Per operation: its path, operationId, security,
// x-pagination, query parameters with their constraints and examples, and each documented response's
// examples and header examples. No descriptions, summaries, tags, schemas of bodies, info or servers.
// It keeps the OpenAPI shape (and the shared `$ref`s to components, so the five error responses and
// their examples exist once), so the behaviour core reads it exactly as it reads the full bundle.
// Also checks, here at build time, that every query parameter uses only the schema keywords the
// handlers' parameter check implements (src/query-check.ts), so nothing is silently unchecked.
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { deref, loadSpecOrExit, operationsOf } from "@tikhubapi/spec/spec";

/** Schema keywords of a query parameter the handlers' check reads; "description" is read by nobody and dropped. */
const CHECKED_KEYWORDS = ["type", "format", "pattern", "enum", "minimum", "maximum", "minLength", "maxLength", "default", "example"];
const CHECKED_TYPES = new Set(["string", "integer", "number", "boolean"]);
const IGNORED_KEYWORDS = new Set(["description"]);

const spec = loadSpecOrExit("generate-slim-spec");
const problems = [];

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => object?.[key] !== undefined).map((key) => [key, object[key]]));

function slimParameter(node, where) {
  if (node?.$ref) return { $ref: node.$ref };
  const schema = deref(spec, node.schema) ?? {};
  const label = `${where} parameter "${node.name}"`;
  if (node.in !== "query") problems.push(`${label}: in "${node.in}" (only query parameters are checked)`);
  for (const keyword of Object.keys(schema)) if (!CHECKED_KEYWORDS.includes(keyword) && !IGNORED_KEYWORDS.has(keyword)) problems.push(`${label}: schema keyword "${keyword}" is not checked`);
  if (schema.type !== undefined && !CHECKED_TYPES.has(schema.type)) problems.push(`${label}: type "${schema.type}" is not checked`);
  return { ...pick(node, ["name", "in", "required", "example"]), schema: pick(schema, CHECKED_KEYWORDS) };
}

function slimExample(node) {
  return node?.$ref ? { $ref: node.$ref } : { value: node?.value ?? null };
}

function slimResponse(node) {
  if (node?.$ref) return { $ref: node.$ref };
  const out = {};
  const headers = Object.entries(node.headers ?? {}).map(([name, header]) => {
    const resolved = deref(spec, header);
    return [name, { example: resolved?.example ?? resolved?.schema?.example }];
  });
  if (headers.length) out.headers = Object.fromEntries(headers.filter(([, h]) => h.example !== undefined));
  const media = node.content?.["application/json"];
  if (media) {
    const slim = {};
    if (media.examples) slim.examples = Object.fromEntries(Object.entries(media.examples).map(([name, example]) => [name, slimExample(example)]));
    if (media.example !== undefined) slim.example = media.example;
    out.content = { "application/json": slim };
  }
  return out;
}

const paths = {};
for (const { method, path, operation } of operationsOf(spec)) {
  const where = `${method.toUpperCase()} ${path}`;
  paths[path] ??= {};
  paths[path][method] = {
    operationId: operation.operationId,
    ...(operation.security ? { security: operation.security } : {}),
    ...(operation["x-pagination"] ? { "x-pagination": operation["x-pagination"] } : {}),
    parameters: (operation.parameters ?? []).map((p) => slimParameter(p, where)),
    responses: Object.fromEntries(Object.entries(operation.responses ?? {}).map(([status, response]) => [status, slimResponse(response)])),
  };
}
const components = spec.components ?? {};
for (const [name, parameter] of Object.entries(components.parameters ?? {})) slimParameter(parameter, `components.parameters.${name}`);
const slim = {
  security: spec.security ?? [],
  paths,
  components: {
    parameters: Object.fromEntries(Object.entries(components.parameters ?? {}).map(([name, p]) => [name, slimParameter(p, `components.parameters.${name}`)])),
    responses: Object.fromEntries(Object.entries(components.responses ?? {}).map(([name, r]) => [name, slimResponse(r)])),
    examples: Object.fromEntries(Object.entries(components.examples ?? {}).map(([name, e]) => [name, slimExample(e)])),
  },
};
if (problems.length) {
  console.error(`generate-slim-spec: the MSW handlers cannot check every parameter as Prism does:\n  ${[...new Set(problems)].join("\n  ")}`);
  process.exit(1);
}
// Every $ref left must land inside the slim data (a ref into a dropped part would answer nothing).
const dangling = [];
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== "object") return;
  if (typeof node.$ref === "string" && deref(slim, node) === undefined) dangling.push(node.$ref);
  Object.values(node).forEach(walk);
})(slim);
if (dangling.length) {
  console.error(`generate-slim-spec: $refs into parts the slim data drops: ${[...new Set(dangling)].join(", ")}`);
  process.exit(1);
}

const json = JSON.stringify(slim);
const out = new URL("../src/generated/", import.meta.url);
mkdirSync(out, { recursive: true });
// JSON.parse of a string literal: smaller and faster to load than the same object as code.
writeFileSync(
  new URL("slim-spec.ts", out),
  `// Generated by scripts/generate-slim-spec.mjs from the bundled spec. Do not edit.\nimport type { OpenApiSpec } from "@tikhubapi/mock-behaviour";\n\nexport const SLIM_SPEC: OpenApiSpec = JSON.parse(${JSON.stringify(json)});\n`,
);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const full = JSON.stringify(spec);
console.log(
  `generate-slim-spec: wrote src/generated/slim-spec.ts (${operationsOf(spec).length} operations): ${kb(json.length)} raw, ${kb(gzipSync(json).length)} gzip (the full bundle: ${kb(full.length)}, ${kb(gzipSync(full).length)} gzip)`,
);
