// Answers built from the spec as plain data: a documented response's example with its documented
// headers, and the 405 the API's envelope shape would give.
import { declaredMethods, type Json, type OpenApiSpec, resolveRef, responseExamples, type SpecOperation } from "./spec.js";

/** A complete answer as plain data; `body` is a JSON value (serialise it with JSON.stringify). */
export interface PlainAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Json;
}

/**
 * The operation's documented answer for a status: the named example (default: the first one) and
 * each documented header's example (e.g. Retry-After). Undefined when the status is not documented.
 */
export function exampleAnswer(spec: OpenApiSpec, operation: SpecOperation, status: number, exampleName?: string): PlainAnswer | undefined {
  const responses = operation.operation.responses as Record<string, unknown> | undefined;
  const response = resolveRef<Record<string, unknown> | undefined>(spec, responses?.[String(status)]);
  if (!response) return undefined;
  const examples = responseExamples(spec, operation, status);
  const chosen = exampleName === undefined ? examples[0] : examples.find(([name]) => name === exampleName);
  if (!chosen) return undefined;
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const [name, header] of Object.entries((response.headers as Record<string, unknown> | undefined) ?? {})) {
    const example = resolveRef<{ example?: unknown; schema?: { example?: unknown } }>(spec, header);
    const value = example?.example ?? example?.schema?.example;
    if (value !== undefined) headers[name.toLowerCase()] = String(value);
  }
  return { status, headers, body: chosen[1] };
}

/** The methods a path answers: the ones it declares, plus HEAD beside GET and OPTIONS (CORS preflight). */
export function allowedMethods(spec: OpenApiSpec, pathTemplate: string): string[] {
  const declared = declaredMethods(spec, pathTemplate);
  const allowed = new Set(declared);
  if (allowed.has("GET")) allowed.add("HEAD");
  allowed.add("OPTIONS");
  return [...allowed];
}

/** 405 with `Allow` and the API's `{code, msg, data}` envelope (RFC 9110 §15.5.6). */
export function methodNotAllowedAnswer(method: string, allowed: string[]): PlainAnswer {
  const allow = allowed.join(", ");
  return {
    status: 405,
    headers: { "content-type": "application/json", allow },
    body: { code: 405, msg: `Method Not Allowed: ${method.toUpperCase()} is not supported here (Allow: ${allow})`, data: null },
  };
}

/** A documented error when the operation lacks it: the envelope with a plain message. */
export function envelopeAnswer(status: number, msg: string, headers: Record<string, string> = {}): PlainAnswer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: { code: status, msg, data: null } };
}
