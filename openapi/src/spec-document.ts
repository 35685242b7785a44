// Reading the bundled OpenAPI document as plain JSON: follow a local $ref, list the operations.
// No runtime APIs: the Node tools, the mock and the MSW handlers read the bundle with these.

/** The bundled spec (openapi.json), as parsed JSON: only what the readers here rely on is typed. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: Array<{ name: string; description?: string }>;
  [key: string]: unknown;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of the document: its lower-case method, its path template and the operation object ($refs unresolved). */
export interface SpecOperationEntry {
  method: string;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw operation object of the JSON document, read field by field by its callers
  operation: Record<string, any>;
}

/** A JSON pointer from path segments ("/live/info" → "~1live~1info"). */
export const pointer = (...parts: ReadonlyArray<string | number>): string => parts.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Follows a local `$ref` ("#/components/…") inside the document until a node without one; throws on a circular chain. */
// biome-ignore lint/suspicious/noExplicitAny: a node of the JSON document, whatever its shape
export function deref(spec: unknown, node: unknown): any {
  let current = node;
  const seen = new Set<string>();
  for (;;) {
    const ref = (current as { $ref?: unknown } | null | undefined)?.$ref;
    if (typeof ref !== "string" || current === null || typeof current !== "object") return current;
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    current = ref
      .replace(/^#\//, "")
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], spec);
  }
}

/** Every operation of the document, in its order: { method, path, operation }. */
export function operationsOf(spec: unknown): SpecOperationEntry[] {
  const out: SpecOperationEntry[] = [];
  const paths = ((spec as OpenApiDocument | null)?.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (operation && typeof operation === "object") out.push({ method, path, operation: operation as Record<string, unknown> });
    }
  }
  return out;
}
