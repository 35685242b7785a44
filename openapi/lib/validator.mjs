// JSON Schema 2020-12 validation of bodies and parameters against the bundled spec (ajv).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { loadSpec, operationsOf, pointer } from "./spec.mjs";

export { bundleUrl, deref, loadSpec, operationsOf } from "./spec.mjs";
export { expand } from "./schema-walk.mjs";

const SPEC_ID = "tikhub-openapi.json";

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
