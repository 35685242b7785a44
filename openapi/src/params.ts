// Checking query parameters against the model: one implementation of the constraints, deciding as Prism
// (the engine of the Node mock) decides, so the MSW handlers, the CLI and the client refuse exactly what
// the mock refuses (test/param-check.test.ts in the contract suite holds it to Prism). Per parameter, in
// the spec's order: names match case-insensitively (Prism lower-cases both; of two spellings the last
// one sent counts), an empty value counts as absent, a name sent twice is not a single value (even when
// one of the values is empty), numbers and booleans are coerced from text as ajv coerces them
// (coerceTypes), then type, enum, pattern, minLength/maxLength, minimum/maximum.
import type { ParameterModel, ParamType } from "./model.js";

export type ParamProblemKind = "missing" | "empty" | "type" | "pattern" | "minimum" | "maximum" | "minLength" | "maxLength" | "enum" | "repeated" | "unknown";

export interface ParamProblem {
  param: string;
  kind: ParamProblemKind;
  /** Prism's wording ("query parameter room_id is required"); the first problem's message is the detail Prism gives. */
  message: string;
}

export type QueryValues = Record<string, string | readonly string[] | undefined>;

export interface CheckParamsOptions {
  /** Also report query names the operation does not declare (kind "unknown"). Prism ignores them: default false. */
  rejectUnknown?: boolean;
}

/** ajv's coercion (coerceTypes: true) of a query text: a non-empty text that reads as a number is that number; "true"/"false" are booleans. */
export function coerceParam(text: string, type: ParamType): string | number | boolean {
  if (type === "integer" || type === "number") return text !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** The first constraint a (coerced) value breaks, or undefined. */
export function paramViolation(p: ParameterModel, value: unknown): { kind: ParamProblemKind; message: string } | undefined {
  const { name, type } = p;
  if (type === "integer" && !(typeof value === "number" && Number.isInteger(value))) return { kind: "type", message: `${name} must be integer` };
  if (type === "number" && typeof value !== "number") return { kind: "type", message: `${name} must be number` };
  if (type === "boolean" && typeof value !== "boolean") return { kind: "type", message: `${name} must be boolean` };
  if (type === "string" && typeof value !== "string") return { kind: "type", message: `${name} must be string` };
  if (p.enum && !p.enum.includes(value as string | number | boolean)) return { kind: "enum", message: `${name} must be one of ${p.enum.join(", ")}` };
  if (typeof value === "string") {
    if (p.pattern !== undefined && !new RegExp(p.pattern, "u").test(value)) return { kind: "pattern", message: `${name} must match pattern "${p.pattern}"` };
    if (p.minLength !== undefined && [...value].length < p.minLength)
      return { kind: "minLength", message: `${name} must have at least ${p.minLength} characters` };
    if (p.maxLength !== undefined && [...value].length > p.maxLength)
      return { kind: "maxLength", message: `${name} must have at most ${p.maxLength} characters` };
  }
  if (typeof value === "number") {
    if (p.minimum !== undefined && value < p.minimum) return { kind: "minimum", message: `${name} must be >= ${p.minimum}` };
    if (p.maximum !== undefined && value > p.maximum) return { kind: "maximum", message: `${name} must be <= ${p.maximum}` };
  }
  return undefined;
}

/**
 * What is wrong with a query (wire values: text, or a list where a name was repeated) for an operation's
 * parameters: at most one problem per parameter, in the spec's order ([] = acceptable).
 */
export function checkParams(params: readonly ParameterModel[], query: QueryValues, options: CheckParamsOptions = {}): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const byName = new Map<string, string | readonly string[]>();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) byName.set(name.toLowerCase(), value);
  for (const p of params) {
    const raw = byName.get(p.name.toLowerCase());
    const given: readonly string[] = raw === undefined ? [] : typeof raw === "string" ? [raw] : raw;
    if (given.length > 1) {
      problems.push({ param: p.name, kind: "repeated", message: `${p.name} must be a single ${p.type}, got ${given.length} values` });
      continue;
    }
    const value = given[0];
    if (value === undefined || value === "") {
      if (p.required) problems.push({ param: p.name, kind: value === "" ? "empty" : "missing", message: `query parameter ${p.name} is required` });
      continue;
    }
    const violation = paramViolation(p, coerceParam(value, p.type));
    if (violation) problems.push({ param: p.name, kind: violation.kind, message: `query parameter ${violation.message}` });
  }
  if (options.rejectUnknown) {
    const known = new Set(params.map((p) => p.name.toLowerCase()));
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && !known.has(name.toLowerCase())) {
        problems.push({ param: name, kind: "unknown", message: `query parameter ${name} is not a parameter of this operation` });
      }
    }
  }
  return problems;
}
