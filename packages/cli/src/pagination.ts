// The same reading of x-pagination as the client's `.pages()` (packages/client/src/pagination.ts),
// so an export can record, after each page, the cursor `.pages()` is about to request next.
import type { Pagination } from "./command-types.js";

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

export function hasMore(value: unknown): boolean {
  return value === true || value == 1 || value === "true";
}

/** The items of a page (an empty list when the field is missing). */
export function pageItems(page: unknown, p: Pagination): unknown[] {
  const items = readField(page, p.itemsField);
  return Array.isArray(items) ? items : [];
}

export type Next = { done: true } | { done: false; cursor: unknown };

/**
 * What follows `page`, fetched with `cursor` (undefined: the first request carried no cursor):
 * done when has_more is false/0/missing, when a page-numbered list returned no items, or when the
 * next cursor is missing or was already requested (`seen`, which this adds the next cursor to).
 */
export function nextAfter(page: unknown, p: Pagination, cursor: unknown, seen: Set<string>): Next {
  if (!hasMore(readField(page, p.hasMoreField))) return { done: true };
  if (p.nextCursorField === null) {
    const items = readField(page, p.itemsField);
    if (!Array.isArray(items) || items.length === 0) return { done: true };
    return { done: false, cursor: Number(cursor ?? 1) + 1 };
  }
  const next = readField(page, p.nextCursorField);
  if (next === undefined || next === null || next === "") return { done: true };
  const key = String(next);
  if (seen.has(key)) return { done: true };
  seen.add(key);
  return { done: false, cursor: next };
}
