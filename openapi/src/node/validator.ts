// JSON Schema 2020-12 validation of bodies and parameters against the bundled spec (ajv).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { type OpenApiDocument, operationsOf, pointer, type SpecOperationEntry } from "../spec-document.js";
import { loadSpec } from "./spec.js";

// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const SPEC_ID = "tikhub-openapi.json";

export interface Validation {
  valid: boolean;
  errors: string[];
}

export interface SpecValidator {
  spec: OpenApiDocument;
  /** The operation of an operationId; throws on an unknown one. */
  operation(operationId: string): SpecOperationEntry;
  /** Schema pointer of an operation's response body, following a $ref'd response. */
  responseSchemaRef(operationId: string, status: number | string): string;
  /** { valid, errors } of a body against an operation's documented response. */
  validateResponse(operationId: string, status: number | string, body: unknown): Validation;
  /** { valid, errors } of any value against a schema pointer inside the spec ("/components/schemas/X"). */
  validateAt(ref: string, value: unknown): Validation;
}

export function createSpecValidator(spec: OpenApiDocument = loadSpec()): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  const compiled = (ref: string) => {
    let fn = cache.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: `${SPEC_ID}#${ref}` });
      cache.set(ref, fn);
    }
    return fn;
  };
  const byId = new Map(operationsOf(spec).map((o) => [o.operation.operationId as string, o]));
  const find = (operationId: string): SpecOperationEntry => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`unknown operationId ${operationId}`);
    return op;
  };
  const check = (ref: string, value: unknown): Validation => {
    const fn = compiled(ref);
    const valid = fn(value) as boolean;
    const errors = valid
      ? []
      : (fn.errors ?? []).map(
          (e) => `${e.instancePath || "(body)"} ${e.message}${e.params && "allowedValues" in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ""}`,
        );
    return { valid, errors };
  };
  const responseSchemaRef = (operationId: string, status: number | string): string => {
    const { path, method, operation } = find(operationId);
    const response = operation.responses?.[String(status)];
    if (!response) throw new Error(`${operationId} documents no ${status} response`);
    if (response.$ref) return `${response.$ref.replace(/^#/, "")}/${pointer("content", "application/json", "schema")}`;
    return `/${pointer("paths", path, method, "responses", String(status), "content", "application/json", "schema")}`;
  };
  return {
    spec,
    operation: find,
    responseSchemaRef,
    validateResponse: (operationId, status, body) => check(responseSchemaRef(operationId, status), body),
    validateAt: check,
  };
}
