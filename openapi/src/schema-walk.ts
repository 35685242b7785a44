// Walking the bundle's JSON Schemas beside a value or a dotted field: which schemas apply where.
// Shared by the spec check (paging fields, int64 examples, required fields) and the drift reporter.
import { deref } from "./spec-document.js";

/** A JSON Schema node of the bundle, as read here. */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  items?: unknown;
  additionalProperties?: unknown;
  allOf?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
  description?: string;
  [keyword: string]: unknown;
}

/** A schema and every schema it combines (allOf / oneOf / anyOf), $refs followed, flattened. */
export function expand(spec: unknown, schema: unknown, seen: Set<unknown> = new Set()): SchemaNode[] {
  const s = deref(spec, schema) as SchemaNode | undefined;
  if (!s || typeof s !== "object" || seen.has(s)) return [];
  seen.add(s);
  return [s, ...[...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((part) => expand(spec, part, seen))];
}

/** The schemas that may describe property `key` of an object described by `schemas`. */
export function propertySchemas(spec: unknown, schemas: readonly unknown[], key: string): unknown[] {
  return schemas.flatMap((s) => expand(spec, s)).flatMap((s) => (s.properties && key in s.properties ? [s.properties[key]] : []));
}

/**
 * The schemas of a dotted field ("has_more", "pagination.has_more", "body.sections[].items") below `schemas`;
 * [] when some step is not declared (a `name[]` step must be declared as an array).
 */
export function fieldSchemas(spec: unknown, schemas: readonly unknown[], field: string): unknown[] {
  let current: unknown[] = [...schemas];
  for (const step of field.split(".")) {
    const isList = step.endsWith("[]");
    current = propertySchemas(spec, current, isList ? step.slice(0, -2) : step);
    if (isList) current = current.flatMap((s) => expand(spec, s)).flatMap((s) => (s.items ? [s.items] : []));
    if (current.length === 0) return [];
  }
  return current;
}

/**
 * The steps of a dotted field below `schemas` that no declaring schema lists in `required`
 * ("data.body" when `body` is declared but optional).
 */
export function optionalSteps(spec: unknown, schemas: readonly unknown[], field: string): string[] {
  const out: string[] = [];
  let current: unknown[] = [...schemas];
  const walked: string[] = [];
  for (const step of field.split(".")) {
    const isList = step.endsWith("[]");
    const name = isList ? step.slice(0, -2) : step;
    walked.push(name);
    const declaring = current.flatMap((s) => expand(spec, s)).filter((s) => s.properties && name in s.properties);
    if (!declaring.some((s) => (s.required ?? []).includes(name))) out.push(walked.join("."));
    current = declaring.map((s) => s.properties?.[name]);
    if (isList) current = current.flatMap((s) => expand(spec, s)).flatMap((s) => (s.items ? [s.items] : []));
  }
  return out;
}

/**
 * Calls visit(value, schemas, path) for the value and every nested value, with the flattened schemas that may
 * describe it (empty where nothing is declared).
 */
export function walkValue(
  spec: unknown,
  schemas: readonly unknown[],
  value: unknown,
  visit: (value: unknown, schemas: SchemaNode[], path: string) => void,
  path = "",
): void {
  const flat = schemas.flatMap((s) => expand(spec, s));
  visit(value, flat, path);
  if (Array.isArray(value)) {
    const items = flat.flatMap((s) => (s.items ? [s.items] : []));
    value.forEach((v, i) => {
      walkValue(spec, items, v, visit, `${path}[${i}]`);
    });
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const subs = flat.flatMap((s) =>
        s.properties && key in s.properties ? [s.properties[key]] : typeof s.additionalProperties === "object" ? [s.additionalProperties] : [],
      );
      walkValue(spec, subs, v, visit, `${path}.${key}`);
    }
  }
}

/** True when a schema's type admits integers. */
export const isIntegerSchema = (s: SchemaNode): boolean => s.type === "integer" || (Array.isArray(s.type) && s.type.includes("integer"));
