// Walking a paged list as its `x-pagination` (a PaginationModel) describes it: one semantics for the
// client's .pages()/.iterate(), the CLI's export, the mock's pages and the spec check.
import type { PaginationModel } from "./model.js";

/**
 * Reads a dotted field of a value ("has_more", "pagination.has_more", "body.sections[].items"): a dot
 * nests, `name[]` takes an array and flattens what the following steps read from its items. Undefined
 * where a step is missing, or a `[]` step is not an array.
 */
export function readField(value: unknown, field: string): unknown {
  let current: unknown = value;
  for (const part of field.split(".")) {
    if (current === null || current === undefined) return undefined;
    const flat = part.endsWith("[]");
    const key = flat ? part.slice(0, -2) : part;
    current = Array.isArray(current)
      ? current.flatMap((item) => (item as Record<string, unknown> | null)?.[key] ?? [])
      : (current as Record<string, unknown>)[key];
    if (flat && !Array.isArray(current)) return undefined;
  }
  return current;
}

/**
 * Whether a has-more field says another page follows: exactly `true`, `1`, `"1"` or `"true"` (the
 * upstream sends booleans or 0/1, some lists as text). Anything else, a missing field included, ends the list.
 */
export function hasMore(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}

/** The items of a page (empty when the field is missing or not an array). */
export function pageItems(page: unknown, p: PaginationModel): unknown[] {
  const items = readField(page, p.itemsField);
  return Array.isArray(items) ? items : [];
}

/**
 * The cursor to request after `page`, which was fetched with `cursor` (undefined: none was sent), or
 * undefined at the end of the list: has-more false/0/missing, a page-numbered list that returned no
 * items, or a next cursor that is missing, empty or already requested (`seen` holds the cursors
 * requested so far as text; this adds the one it returns). A page-numbered list counts from 1.
 */
export function nextCursor(page: unknown, p: PaginationModel, cursor: unknown, seen: Set<string>): unknown {
  if (!hasMore(readField(page, p.hasMoreField))) return undefined;
  if (p.nextCursorField === null) return pageItems(page, p).length ? Number(cursor ?? 1) + 1 : undefined;
  const next = readField(page, p.nextCursorField);
  const key = String(next);
  if (next === null || next === undefined || next === "" || seen.has(key)) return undefined;
  seen.add(key);
  return next;
}
