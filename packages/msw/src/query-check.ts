// The query check Prism makes before it answers (the Prism mock answers 400 when it fails), done the
// same way for the MSW handlers: an empty value counts as absent, a repeated parameter is not a
// single value, numbers and booleans are coerced from text as ajv coerces them, then type, pattern,
// enum and bounds. The build (scripts/generate-slim-spec.mjs) fails on a schema keyword not checked here.
import { resolveRef, type OpenApiSpec, type SpecOperation } from "@tikhubapi/mock-behaviour";
import type { MockRequest } from "@tikhubapi/mock-behaviour";

interface ParameterSchema {
  type?: "string" | "integer" | "number" | "boolean";
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

interface QueryParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: ParameterSchema;
}

/** ajv's coercion (coerceTypes: true): a non-empty text equal to its number is that number. */
function coerce(text: string, type: ParameterSchema["type"]): unknown {
  if (type === "integer" || type === "number") return text !== "" && Number(text) == (text as unknown as number) ? Number(text) : text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

function violation(name: string, value: unknown, schema: ParameterSchema): string | undefined {
  const { type } = schema;
  if (type === "integer" && !(typeof value === "number" && Number.isInteger(value))) return `${name} must be integer`;
  if (type === "number" && typeof value !== "number") return `${name} must be number`;
  if (type === "boolean" && typeof value !== "boolean") return `${name} must be boolean`;
  if (schema.enum && !schema.enum.includes(value)) return `${name} must be one of ${schema.enum.join(", ")}`;
  if (typeof value === "string") {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) return `${name} must match pattern "${schema.pattern}"`;
    if (schema.minLength !== undefined && [...value].length < schema.minLength) return `${name} must have at least ${schema.minLength} characters`;
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return `${name} must have at most ${schema.maxLength} characters`;
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return `${name} must be >= ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${name} must be <= ${schema.maximum}`;
  }
  return undefined;
}

/** What is wrong with the request's query for this operation (the first problem), or undefined. */
export function queryProblem(spec: OpenApiSpec, operation: SpecOperation, request: MockRequest): string | undefined {
  const parameters = ((operation.operation.parameters as unknown[] | undefined) ?? []).map((p) => resolveRef<QueryParameter>(spec, p));
  for (const parameter of parameters) {
    if (parameter.in !== "query") continue;
    const raw = request.query[parameter.name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v !== "");
    if (values.length === 0) {
      if (parameter.required) return `query parameter ${parameter.name} is required`;
      continue;
    }
    const schema = resolveRef<ParameterSchema>(spec, parameter.schema) ?? {};
    if (values.length > 1) return `${parameter.name} must be a single ${schema.type ?? "value"}, got ${values.length} values`;
    const problem = violation(parameter.name, coerce(values[0]!, schema.type), schema);
    if (problem) return `query parameter ${problem}`;
  }
  return undefined;
}
