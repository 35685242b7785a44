// The spec data the MSW handlers carry (src/generated/slim-spec.ts), generated at build from the
// bundled spec: only what the handlers read. Per operation: its path, operationId, security,
// x-pagination, query parameters with their constraints and examples, and each documented response's
// examples and header examples. No descriptions, summaries, tags, schemas of bodies, info or servers.
// It keeps the OpenAPI shape (and the shared `$ref`s to components, so the five error responses and
// their examples exist once), so the behaviour core reads it exactly as it reads the full bundle.
// Each operation also carries `x-params`: its query parameters as the operation model reads them
// (@tikhubapi/spec/model's ParameterModel, without descriptions), which the handlers check with the
// model's own checkParams(); buildModel() fails the build on a constraint it cannot check.
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { buildModel, ModelError } from "@tikhubapi/spec/model";
import { deref, loadSpecOrExit, operationsOf } from "@tikhubapi/spec/spec";

/**
 * What the core reads of a parameter (through the model's operationParams, for the cursor parameter's
 * example and default): its type, default and every place the model takes an example from. The
 * constraints the handlers check are in x-params.
 */
const SCHEMA_KEYWORDS = ["type", "default", "example", "examples"];

const spec = loadSpecOrExit("generate-slim-spec");
let model;
try {
  model = new Map(buildModel(spec).map((operation) => [operation.id, operation]));
} catch (error) {
  console.error(`generate-slim-spec: ${error instanceof ModelError ? "" : "unexpected: "}${error.message}`);
  process.exit(1);
}

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => object?.[key] !== undefined).map((key) => [key, object[key]]));

function slimParameter(node) {
  if (node?.$ref) return { $ref: node.$ref };
  const examples = node.examples && { examples: Object.fromEntries(Object.entries(node.examples).map(([name, example]) => [name, slimExample(example)])) };
  return { ...pick(node, ["name", "in", "required", "example"]), ...examples, schema: pick(deref(spec, node.schema) ?? {}, SCHEMA_KEYWORDS) };
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
  const modelled = model.get(operation.operationId);
  paths[path] ??= {};
  paths[path][method] = {
    operationId: operation.operationId,
    ...(operation.security ? { security: operation.security } : {}),
    ...(operation["x-pagination"] ? { "x-pagination": operation["x-pagination"] } : {}),
    parameters: (operation.parameters ?? []).map((p) => slimParameter(p)),
    "x-params": modelled.params.map(({ description: _description, ...param }) => param),
    responses: Object.fromEntries(Object.entries(operation.responses ?? {}).map(([status, response]) => [status, slimResponse(response)])),
  };
}
const components = spec.components ?? {};
const slim = {
  security: spec.security ?? [],
  paths,
  components: {
    parameters: Object.fromEntries(Object.entries(components.parameters ?? {}).map(([name, p]) => [name, slimParameter(p)])),
    responses: Object.fromEntries(Object.entries(components.responses ?? {}).map(([name, r]) => [name, slimResponse(r)])),
    examples: Object.fromEntries(Object.entries(components.examples ?? {}).map(([name, e]) => [name, slimExample(e)])),
  },
};
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
