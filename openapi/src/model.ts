// The operation model: the spec's meaning, built once from the bundle. For every operation its names
// (client namespace and method, CLI command and flags), path, query parameters with their type,
// constraints and example, documented statuses, evidence and pagination. `buildModel` is the only
// place that interprets `x-pagination`, `x-status`, parameter constraints and naming; whatever it
// cannot model it refuses with a ModelError naming the operation. Pure: no runtime APIs.
import { ModelError } from "./model-error.js";
import { clientNames, cliFlag, cliNames } from "./naming.js";
import { deref, type OpenApiDocument, operationsOf } from "./spec-document.js";

export { ModelError } from "./model-error.js";
export { clientNames, cliFlag, cliNames, kebab, type NamedOperation } from "./naming.js";
export { deref, HTTP_METHODS, type OpenApiDocument, operationsOf, pointer, type SpecOperationEntry } from "./spec-document.js";

export type ParamType = "string" | "integer" | "number" | "boolean";
export type ParamValue = string | number | boolean;

/** A query parameter of an operation, its schema's constraints flattened. */
export interface ParameterModel {
  /** "room_id" */
  name: string;
  /** The CLI flag name: "room-id" (used as --room-id). */
  flag: string;
  type: ParamType;
  /** The schema's format, e.g. "int64" (informative: checks do not depend on it). */
  format?: string;
  required: boolean;
  /** The example written on the parameter (or its first named example, or the schema's example). */
  example?: ParamValue;
  description: string;
  enum?: readonly ParamValue[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: ParamValue;
}

/**
 * A paged list, from `x-pagination`. Field names are relative to the envelope's `data`: a dot nests,
 * `[]` flattens an array ("body.sections[].items").
 */
export interface PaginationModel {
  /** The query parameter that selects a page. */
  cursorParam: string;
  /** Where a page gives the next cursor; null: a page-numbered list whose page parameter increments. */
  nextCursorField: string | null;
  hasMoreField: string;
  itemsField: string;
  /** The size of the whole list, where a page gives it. */
  totalField?: string;
}

export type Evidence = "CONFIRMED" | "EQUIV" | "PROPOSED";

export interface OperationModel {
  /** operationId: "liveGetInfo" */
  id: string;
  /** The tag: "Live" */
  section: string;
  /** The client's namespace: "live" */
  namespace: string;
  /** The client's method: "getInfo" */
  method: string;
  /** The CLI command below its section: "get-info" (`tikhub live get-info`) */
  cliCommand: string;
  httpMethod: "GET";
  path: string;
  summary: string;
  description: string;
  /** `x-status`: how sure the spec is of the path and parameters. */
  evidence: Evidence;
  /** Query parameters, in the spec's order. */
  params: readonly ParameterModel[];
  /** Documented response statuses, ascending. */
  statuses: readonly number[];
  pagination: PaginationModel | null;
}

/** A section (tag) of the spec, in the spec's tag order. */
export interface SectionModel {
  /** The tag: "Live" */
  name: string;
  /** The client namespace and CLI section: "live" */
  namespace: string;
  description: string;
}

const EVIDENCE: readonly Evidence[] = ["CONFIRMED", "EQUIV", "PROPOSED"];
const PARAM_TYPES: readonly ParamType[] = ["string", "integer", "number", "boolean"];
/** The parameter object's keys the model reads or may ignore (prose). */
const PARAMETER_KEYS = new Set(["name", "in", "required", "description", "schema", "example", "examples"]);
/** The schema keywords a parameter may use: each is modelled (and checked by checkParams), or prose. */
const SCHEMA_KEYWORDS = new Set([
  "type",
  "format",
  "pattern",
  "enum",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "default",
  "example",
  "examples",
  "description",
  "title",
]);
const PAGINATION_KEYS = new Set(["cursorParam", "nextCursorField", "hasMoreField", "itemsField", "totalField"]);
/** A field path: names joined by dots, each optionally ending in `[]`. */
const FIELD_PATH = /^[A-Za-z_$][\w$-]*(\[\])?(\.[A-Za-z_$][\w$-]*(\[\])?)*$/;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const isParamValue = (value: unknown): value is ParamValue => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

function firstExample(parameter: Record<string, unknown>, schema: Record<string, unknown>): unknown {
  const named = isRecord(parameter.examples) ? Object.values(parameter.examples)[0] : undefined;
  const candidates = [
    parameter.example,
    isRecord(named) ? named.value : undefined,
    schema.example,
    Array.isArray(schema.examples) ? schema.examples[0] : undefined,
  ];
  return candidates.find((v) => v !== undefined);
}

function valueOfType(value: unknown, type: ParamType): boolean {
  if (type === "string") return typeof value === "string";
  if (type === "boolean") return typeof value === "boolean";
  return typeof value === "number" && (type === "number" || Number.isInteger(value));
}

function parameterModel(spec: unknown, id: string, raw: unknown): ParameterModel {
  const parameter = deref(spec, raw);
  if (!isRecord(parameter)) throw new ModelError(id, "a parameter is not an object");
  const name = parameter.name;
  if (typeof name !== "string" || name === "") throw new ModelError(id, "a parameter has no name");
  const fail = (what: string): never => {
    throw new ModelError(id, `parameter ${name}: ${what}`);
  };
  if (parameter.in !== "query") fail(`is in ${JSON.stringify(parameter.in)}; only query parameters can be modelled`);
  for (const key of Object.keys(parameter)) if (!PARAMETER_KEYS.has(key) && !key.startsWith("x-")) fail(`unknown parameter keyword "${key}"`);
  if (parameter.required !== undefined && typeof parameter.required !== "boolean") fail("required must be true or false");
  const schema = deref(spec, parameter.schema) ?? {};
  if (!isRecord(schema)) fail("schema is not an object");
  for (const key of Object.keys(schema))
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith("x-")) fail(`unknown schema keyword "${key}" (the model cannot check it)`);
  const type = schema.type as ParamType;
  if (!PARAM_TYPES.includes(type)) fail(`type ${JSON.stringify(schema.type)}; the model knows ${PARAM_TYPES.join(", ")}`);
  const model: ParameterModel = {
    name,
    flag: cliFlag(name),
    type,
    required: parameter.required === true,
    description: typeof parameter.description === "string" ? parameter.description : "",
  };
  if (schema.format !== undefined) {
    if (typeof schema.format !== "string") fail("format must be a string");
    model.format = schema.format as string;
  }
  const example = firstExample(parameter, schema);
  if (example !== undefined) {
    if (!isParamValue(example)) fail(`example ${JSON.stringify(example)} is not a string, number or boolean`);
    model.example = example as ParamValue;
  }
  if (schema.default !== undefined) {
    if (!valueOfType(schema.default, type)) fail(`default ${JSON.stringify(schema.default)} is not of type ${type}`);
    model.default = schema.default as ParamValue;
  }
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0 || !schema.enum.every(isParamValue))
      fail("enum must be a non-empty list of strings, numbers or booleans");
    model.enum = schema.enum as ParamValue[];
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== "string") fail("pattern must be a string");
    try {
      new RegExp(schema.pattern as string, "u");
    } catch (error) {
      fail(`pattern ${JSON.stringify(schema.pattern)} is not a valid regular expression (${(error as Error).message})`);
    }
    model.pattern = schema.pattern as string;
  }
  for (const key of ["minimum", "maximum"] as const) {
    if (schema[key] === undefined) continue;
    if (typeof schema[key] !== "number" || !Number.isFinite(schema[key])) fail(`${key} must be a number`);
    if (type !== "integer" && type !== "number") fail(`${key} applies to numbers, the type is ${type}`);
    model[key] = schema[key] as number;
  }
  for (const key of ["minLength", "maxLength"] as const) {
    if (schema[key] === undefined) continue;
    if (!Number.isInteger(schema[key]) || (schema[key] as number) < 0) fail(`${key} must be a whole number ≥ 0`);
    if (type !== "string") fail(`${key} applies to strings, the type is ${type}`);
    model[key] = schema[key] as number;
  }
  return model;
}

/**
 * One operation's query parameters as the model reads them (what buildModel puts in `params`), for a
 * consumer that reads the spec at run time (e.g. the mock's behaviour core). Throws a ModelError
 * naming the operation for a parameter it cannot model.
 */
export function operationParams(spec: unknown, id: string, operation: Record<string, unknown>): readonly ParameterModel[] {
  if (operation.parameters !== undefined && !Array.isArray(operation.parameters)) throw new ModelError(id, "parameters must be a list");
  const params = ((operation.parameters ?? []) as unknown[]).map((p) => parameterModel(spec, id, p));
  const seen = new Map<string, string>();
  for (const p of params) {
    const twice = seen.get(p.flag);
    if (twice !== undefined)
      throw new ModelError(
        id,
        twice === p.name ? `parameter ${p.name} is listed twice` : `parameters ${twice} and ${p.name} map to the same CLI flag --${p.flag}`,
      );
    seen.set(p.flag, p.name);
  }
  return params;
}

/**
 * One operation's pagination (`x-pagination`) as the model reads it (what buildModel puts in
 * `pagination`), or null when the operation does not page. `params`: the operation's parameters if
 * already read (operationParams), else they are read here, only for a paged operation.
 */
export function operationPagination(spec: unknown, id: string, operation: Record<string, unknown>, params?: readonly ParameterModel[]): PaginationModel | null {
  const raw = operation["x-pagination"];
  if (raw === undefined) return null;
  return paginationModel(id, raw, params ?? operationParams(spec, id, operation));
}

function paginationModel(id: string, raw: unknown, params: readonly ParameterModel[]): PaginationModel {
  const fail = (what: string): never => {
    throw new ModelError(id, `x-pagination: ${what}`);
  };
  if (!isRecord(raw)) return fail("must be an object");
  for (const key of Object.keys(raw)) if (!PAGINATION_KEYS.has(key)) fail(`unknown key "${key}" (known: ${[...PAGINATION_KEYS].join(", ")})`);
  const field = (key: string, optional: boolean): string | undefined => {
    const value = raw[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== "string" || !FIELD_PATH.test(value))
      fail(`${key} must be a field path such as "has_more", "pagination.has_more" or "body.sections[].items", got ${JSON.stringify(value)}`);
    return value as string;
  };
  const cursorParam = raw.cursorParam;
  if (typeof cursorParam !== "string" || !params.some((p) => p.name === cursorParam))
    fail(`cursorParam ${JSON.stringify(cursorParam)} is not one of the operation's parameters`);
  if (!("nextCursorField" in raw)) fail("nextCursorField is missing (null for a page-numbered list)");
  const nextCursorField = raw.nextCursorField === null ? null : (field("nextCursorField", false) as string);
  const model: PaginationModel = {
    cursorParam: cursorParam as string,
    nextCursorField,
    hasMoreField: field("hasMoreField", false) as string,
    itemsField: field("itemsField", false) as string,
  };
  const totalField = field("totalField", true);
  if (totalField !== undefined) model.totalField = totalField;
  return model;
}

function statusesOf(id: string, responses: unknown): number[] {
  if (!isRecord(responses) || Object.keys(responses).length === 0) throw new ModelError(id, "no responses");
  return Object.keys(responses)
    .map((key) => {
      if (!/^[1-5]\d\d$/.test(key)) throw new ModelError(id, `response "${key}" is not a single HTTP status (ranges and default cannot be modelled)`);
      return Number(key);
    })
    .sort((a, b) => a - b);
}

/** The model of every operation of the bundled spec, in the spec's order; throws a ModelError naming the operation for anything it cannot model. */
export function buildModel(spec: unknown): readonly OperationModel[] {
  if (!isRecord(spec) || !isRecord(spec.paths)) throw new ModelError("(spec)", "not an OpenAPI document with paths");
  const out: OperationModel[] = [];
  const byName = new Map<string, string>();
  for (const { method: httpMethod, path, operation } of operationsOf(spec)) {
    const id = typeof operation.operationId === "string" && operation.operationId ? operation.operationId : `${httpMethod.toUpperCase()} ${path}`;
    if (httpMethod !== "get") throw new ModelError(id, `is ${httpMethod.toUpperCase()} ${path}; only GET operations can be modelled`);
    if (id !== operation.operationId) throw new ModelError(id, "has no operationId");
    const { namespace, method } = clientNames(operation);
    const { command } = cliNames(operation);
    const evidence = operation["x-status"];
    if (!EVIDENCE.includes(evidence)) throw new ModelError(id, `x-status ${JSON.stringify(evidence)} must be one of ${EVIDENCE.join(", ")}`);
    const params = operationParams(spec, id, operation);
    const clash = byName.get(`${namespace}.${method}`);
    if (clash !== undefined) throw new ModelError(id, `its client method ${namespace}.${method} is also ${clash}'s`);
    byName.set(`${namespace}.${method}`, id);
    out.push({
      id,
      section: operation.tags[0],
      namespace,
      method,
      cliCommand: command,
      httpMethod: "GET",
      path,
      summary: typeof operation.summary === "string" ? operation.summary : "",
      description: typeof operation.description === "string" ? operation.description : "",
      evidence,
      params,
      statuses: statusesOf(id, operation.responses),
      pagination: operationPagination(spec, id, operation, params),
    });
  }
  return out;
}

/** The spec's sections that have operations: its tags in their order, then any tag an operation uses that the list lacks. */
export function buildSections(spec: unknown, operations: readonly OperationModel[] = buildModel(spec)): readonly SectionModel[] {
  const tags = (isRecord(spec) && Array.isArray(spec.tags) ? spec.tags : []) as OpenApiDocument["tags"] & object;
  const used = new Set(operations.map((op) => op.section));
  const sections: SectionModel[] = tags
    .filter((t) => used.has(t.name))
    .map((t) => ({ name: t.name, namespace: t.name.toLowerCase(), description: t.description ?? "" }));
  for (const op of operations) if (!sections.some((s) => s.name === op.section)) sections.push({ name: op.section, namespace: op.namespace, description: "" });
  return sections;
}
