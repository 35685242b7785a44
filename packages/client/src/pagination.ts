import type { PageOptions, RequestOptions } from "./resource-types.js";

/** An operation's `x-pagination`: field names are relative to the envelope's `data`; a dot means nesting, `[]` an array to flatten. */
export interface Pagination {
  cursorParam: string;
  /** null: a page-numbered list whose page parameter increments. */
  nextCursorField: string | null;
  hasMoreField: string;
  itemsField: string;
}

type Call = (params: Record<string, unknown> | undefined, options?: RequestOptions) => Promise<unknown>;

/** Reads a dotted field of a page ("pagination.has_more", "body.sections[].items"). */
export function readField(value: unknown, field: string): unknown {
  let current: unknown = value;
  for (const part of field.split(".")) {
    if (current == null) return undefined;
    const flat = part.endsWith("[]");
    const key = flat ? part.slice(0, -2) : part;
    current = Array.isArray(current) ? current.flatMap((item) => (item as Record<string, unknown>)?.[key] ?? []) : (current as Record<string, unknown>)[key];
    if (flat && !Array.isArray(current)) return undefined;
  }
  return current;
}

function hasMore(value: unknown): boolean {
  return value === true || value == 1 || value === "true";
}

export async function* pages(call: Call, p: Pagination, params: Record<string, unknown> | undefined, options: PageOptions = {}): AsyncGenerator<unknown> {
  const { maxPages = Infinity, ...requestOptions } = options;
  let cursor = params?.[p.cursorParam];
  const seen = new Set<string>();
  if (cursor !== undefined) seen.add(String(cursor));
  for (let requests = 0; requests < maxPages; requests++) {
    const query = cursor === undefined ? params : { ...params, [p.cursorParam]: cursor };
    const page = await call(query, requestOptions);
    yield page;
    if (!hasMore(readField(page, p.hasMoreField))) return;
    if (p.nextCursorField === null) {
      const items = readField(page, p.itemsField);
      if (!Array.isArray(items) || items.length === 0) return;
      cursor = Number(cursor ?? 1) + 1;
    } else {
      const next = readField(page, p.nextCursorField);
      if (next === undefined || next === null || next === "") return;
      const key = String(next);
      if (seen.has(key)) return;
      seen.add(key);
      cursor = next;
    }
  }
}

export async function* iterate(call: Call, p: Pagination, params: Record<string, unknown> | undefined, options?: PageOptions): AsyncGenerator<unknown> {
  for await (const page of pages(call, p, params, options)) {
    const items = readField(page, p.itemsField);
    if (Array.isArray(items)) yield* items;
  }
}
