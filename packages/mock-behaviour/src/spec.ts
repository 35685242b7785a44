// Reading the bundled OpenAPI document (plain JSON, local `$ref`s only). No runtime APIs.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** The bundled spec (`openapi.json`), as parsed JSON. */
export interface OpenApiSpec {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** An operation of the spec, found by method and path. */
export interface SpecOperation {
  /** Lower-case HTTP method, e.g. "get". */
  method: string;
  /** The spec's path template, e.g. "/live/info". */
  path: string;
  operationId: string;
  /** The operation object (its `$ref`s unresolved). */
  operation: Record<string, unknown>;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Follows a local `$ref` ("#/components/…") until a value without one. */
export function resolveRef<T = unknown>(spec: OpenApiSpec, node: unknown): T {
  let current = node;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current as T;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], spec);
  }
  throw new Error("$ref chain too deep");
}

function templateMatcher(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`);
}

/** The spec's path template a request path belongs to (exact paths first), or undefined. */
export function matchPath(spec: OpenApiSpec, path: string): string | undefined {
  if (spec.paths[path]) return path;
  return Object.keys(spec.paths).find((template) => template.includes("{") && templateMatcher(template).test(path));
}

/** The methods a path declares, upper-case (e.g. ["GET"]). */
export function declaredMethods(spec: OpenApiSpec, pathTemplate: string): string[] {
  const item = spec.paths[pathTemplate] ?? {};
  return HTTP_METHODS.filter((method) => item[method]).map((method) => method.toUpperCase());
}

/** The operation for a method and request path, or undefined (unknown path, or a method the path lacks). */
export function findOperation(spec: OpenApiSpec, method: string, path: string): SpecOperation | undefined {
  const template = matchPath(spec, path);
  if (!template) return undefined;
  const lower = method.toLowerCase();
  const operation = spec.paths[template]?.[lower] as Record<string, unknown> | undefined;
  if (!operation) return undefined;
  return { method: lower, path: template, operationId: String(operation.operationId ?? `${lower} ${template}`), operation };
}

/** Every operation of the spec, in the document's order. */
export function listOperations(spec: OpenApiSpec): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (operation) operations.push({ method, path, operationId: String(operation.operationId ?? `${method} ${path}`), operation });
    }
  }
  return operations;
}

/** The named examples of an operation's JSON response for a status, resolved, in the spec's order: [name, value]. */
export function responseExamples(spec: OpenApiSpec, operation: SpecOperation, status: number | string): Array<[string, Json]> {
  const responses = operation.operation.responses as Record<string, unknown> | undefined;
  const response = resolveRef<Record<string, unknown> | undefined>(spec, responses?.[String(status)]);
  const media = (response?.content as Record<string, Record<string, unknown>> | undefined)?.["application/json"];
  if (!media) return [];
  const named = Object.entries((media.examples as Record<string, unknown> | undefined) ?? {}).map(
    ([name, example]) => [name, resolveRef<{ value?: Json }>(spec, example)?.value ?? null] as [string, Json],
  );
  if (named.length === 0 && media.example !== undefined) return [["default", media.example as Json]];
  return named;
}
