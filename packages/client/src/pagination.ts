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

/** The items of a page (empty when the field is missing). */
export function pageItems(page: unknown, p: Pagination): unknown[] {
  const items = readField(page, p.itemsField);
  return Array.isArray(items) ? items : [];
}

/**
 * The cursor to request after `page`, which was fetched with `cursor` (undefined: none was sent), or
 * undefined at the end of the list: has_more false/0/missing, a page-numbered list that returned no
 * items, or a next cursor that is missing or was already requested (`seen` holds the cursors
 * requested so far; this adds the one it returns). `.pages()` walks lists with it; tools that
 * checkpoint an export can record what it returns.
 */
export function nextPage(page: unknown, p: Pagination, cursor: unknown, seen: Set<string>): unknown {
  if (!hasMore(readField(page, p.hasMoreField))) return;
  if (p.nextCursorField === null) return pageItems(page, p).length ? Number(cursor ?? 1) + 1 : undefined;
  const next = readField(page, p.nextCursorField);
  const key = String(next);
  if (next == null || next === "" || seen.has(key)) return;
  seen.add(key);
  return next;
}

export async function* pages(call: Call, p: Pagination, params: Record<string, unknown> | undefined, options: PageOptions = {}): AsyncGenerator<unknown> {
  const { maxPages = Infinity, ...requestOptions } = options;
  let cursor = params?.[p.cursorParam];
  const seen = new Set<string>();
  if (cursor !== undefined) seen.add(String(cursor));
  for (let requests = 0; requests < maxPages; requests++) {
    const page = await call(cursor === undefined ? params : { ...params, [p.cursorParam]: cursor }, requestOptions);
    yield page;
    cursor = nextPage(page, p, cursor, seen);
    if (cursor === undefined) return;
  }
}

export async function* iterate(call: Call, p: Pagination, params: Record<string, unknown> | undefined, options?: PageOptions): AsyncGenerator<unknown> {
  for await (const page of pages(call, p, params, options)) yield* pageItems(page, p);
}
