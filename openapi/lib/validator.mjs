// JSON Schema 2020-12 validation of bodies and parameters against the bundled spec (ajv).
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export const bundleUrl = new URL("../dist/openapi.json", import.meta.url);
const SPEC_ID = "tikhub-openapi.json";

export function loadSpec() {
  try {
    return JSON.parse(readFileSync(bundleUrl, "utf8"));
  } catch (error) {
    throw new Error(`cannot read the bundled spec at ${bundleUrl.pathname}: run \`pnpm build\` (or \`pnpm --filter @tikhubapi/spec bundle\`) first (${error.code ?? error.message})`);
  }
}

const pointer = (...parts) => parts.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Every operation of the spec: { method, path, operation }. */
export function operationsOf(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch", "head", "options"]) {
      if (item[method]) out.push({ method, path, operation: item[method] });
    }
  }
  return out;
}

/** Follows a local `$ref` ("#/components/…") inside the spec. */
export function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((acc, key) => acc?.[key], spec);
  }
  return current;
}

export function createSpecValidator(spec = loadSpec()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("int64", { type: "number", validate: (n) => Number.isInteger(n) });
  ajv.addFormat("int32", { type: "number", validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const cache = new Map();
  const compiled = (ref) => {
    let fn = cache.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: `${SPEC_ID}#${ref}` });
      cache.set(ref, fn);
    }
    return fn;
  };
  const byId = new Map(operationsOf(spec).map((o) => [o.operation.operationId, o]));
  const find = (operationId) => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`unknown operationId ${operationId}`);
    return op;
  };
  const report = (fn) => (fn.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message}${e.params && "allowedValues" in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ""}`);

  return {
    spec,
    operation: find,
    /** Schema pointer of an operation's response body, following a $ref'd response. */
    responseSchemaRef(operationId, status) {
      const { path, method, operation } = find(operationId);
      const response = operation.responses?.[String(status)];
      if (!response) throw new Error(`${operationId} documents no ${status} response`);
      if (response.$ref) return `${response.$ref.replace(/^#/, "")}/${pointer("content", "application/json", "schema")}`;
      return `/${pointer("paths", path, method, "responses", String(status), "content", "application/json", "schema")}`;
    },
    /** { valid, errors: string[] } of a body against an operation's documented response. */
    validateResponse(operationId, status, body) {
      const fn = compiled(this.responseSchemaRef(operationId, status));
      const valid = fn(body);
      return { valid, errors: valid ? [] : report(fn) };
    },
    /** { valid, errors } of any value against a schema pointer inside the spec ("/components/schemas/X"). */
    validateAt(ref, value) {
      const fn = compiled(ref);
      const valid = fn(value);
      return { valid, errors: valid ? [] : report(fn) };
    },
  };
}
