// openapi/dist/openapi.json → src/generated/commands.ts: the table the CLI builds every command,
// help text and parameter check from. Nothing lists operations by hand: sections are the spec's tags,
// commands its operations (method = the client's, kebab-cased), flags its query parameters.
import { mkdirSync, writeFileSync } from "node:fs";
import { deref as derefIn, loadSpecOrExit, operationsOf } from "@tikhubapi/spec/spec";

const out = new URL("../src/generated/commands.ts", import.meta.url);

/** Flags of the CLI itself: a spec parameter with one of these names would be shadowed. */
const RESERVED_FLAGS = new Set(["help", "version", "json", "debug", "base-url", "header", "timeout-ms", "max-retries", "out", "max-pages", "force", "username", "password"]);

function fail(message) {
  console.error(`generate-commands: ${message}`);
  process.exit(1);
}

const spec = loadSpecOrExit("generate-commands");
const deref = (node) => derefIn(spec, node);

/** getCategoriesLevel1 → get-categories-level1; room_id → room-id. */
const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();

const tagDescriptions = new Map((spec.tags ?? []).map((t) => [t.name, t.description ?? ""]));
const sections = new Map();

for (const { method: httpMethod, path, operation: op } of operationsOf(spec)) {
  if (httpMethod !== "get") fail(`${op.operationId ?? path}: only GET operations are supported, found ${httpMethod.toUpperCase()}`);
  const tag = op.tags?.[0];
  if (!tag) fail(`${op.operationId ?? path}: no tag`);
  const namespace = tag.toLowerCase();
  if (!op.operationId?.startsWith(namespace)) fail(`${op.operationId}: operationId must start with its tag "${namespace}" (the client's namespace)`);
  const rest = op.operationId.slice(namespace.length);
  const method = rest.charAt(0).toLowerCase() + rest.slice(1);
  const params = (op.parameters ?? []).map(deref).map((p) => {
    if (p.in !== "query") fail(`${op.operationId}: parameter ${p.name} is in ${p.in}; only query parameters are supported`);
    const schema = deref(p.schema) ?? {};
    const type = schema.type;
    if (type !== "string" && type !== "integer") fail(`${op.operationId}: parameter ${p.name} has type ${JSON.stringify(type)}; only string and integer are supported`);
    const flag = kebab(p.name);
    if (RESERVED_FLAGS.has(flag)) fail(`${op.operationId}: parameter ${p.name} would shadow the CLI's own --${flag}`);
    const param = { name: p.name, flag, required: p.required === true, type, description: p.description ?? "" };
    if (p.example !== undefined) param.example = p.example;
    if (Array.isArray(schema.enum)) param.enum = schema.enum;
    if (typeof schema.pattern === "string") param.pattern = schema.pattern;
    if (typeof schema.minimum === "number") param.minimum = schema.minimum;
    return param;
  });
  const flags = params.map((p) => p.flag);
  if (new Set(flags).size !== flags.length) fail(`${op.operationId}: two parameters map to the same flag (${flags.join(", ")})`);
  const pagination = op["x-pagination"] ?? null;
  if (pagination) {
    for (const key of ["cursorParam", "hasMoreField", "itemsField"]) if (typeof pagination[key] !== "string") fail(`${op.operationId}: x-pagination.${key} must be a string`);
    if (pagination.nextCursorField !== null && typeof pagination.nextCursorField !== "string") fail(`${op.operationId}: x-pagination.nextCursorField must be a string or null`);
    if (!params.some((p) => p.name === pagination.cursorParam)) fail(`${op.operationId}: x-pagination.cursorParam ${pagination.cursorParam} is not one of its parameters`);
  }
  if (!sections.has(namespace)) sections.set(namespace, { name: namespace, tag, description: tagDescriptions.get(tag) ?? "", operations: [] });
  const section = sections.get(namespace);
  const command = kebab(method);
  if (section.operations.some((o) => o.command === command)) fail(`${op.operationId}: command ${namespace} ${command} defined twice`);
  section.operations.push({
    command,
    operationId: op.operationId,
    summary: op.summary ?? "",
    // The first paragraph only: later ones hold notes for the spec's maintainers.
    description: (op.description ?? "").split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, " ").trim(),
    path,
    namespace,
    method,
    params,
    pagination: pagination && {
      cursorParam: pagination.cursorParam,
      nextCursorField: pagination.nextCursorField,
      hasMoreField: pagination.hasMoreField,
      itemsField: pagination.itemsField,
    },
  });
}

// Sections in the spec's tag order (then any tag the list lacks).
const order = [...tagDescriptions.keys()].map((t) => t.toLowerCase());
const list = [...sections.values()].sort((a, b) => (order.indexOf(a.name) + 1 || 1e9) - (order.indexOf(b.name) + 1 || 1e9));
if (list.some((s) => s.name === "export" || s.name === "help")) fail('a tag named "export" or "help" would shadow the CLI command of that name');
const count = list.reduce((n, s) => n + s.operations.length, 0);

const lines = [
  "// Generated by scripts/generate-commands.mjs from openapi/dist/openapi.json. Do not edit.",
  'import type { Section } from "../command-types.js";',
  "",
  `export const SPEC_VERSION = ${JSON.stringify(spec.info?.version ?? "")};`,
  "",
  "/** Every section (tag) of the spec with its operations, in the spec's order. */",
  `export const SECTIONS: readonly Section[] = ${JSON.stringify(list, null, 2)};`,
  "",
];
mkdirSync(new URL(".", out), { recursive: true });
writeFileSync(out, lines.join("\n"));
console.log(`generate-commands: ${count} commands in ${list.length} sections → src/generated/commands.ts`);
