// The endpoint catalog (openapi/reference/endpoints.json) and the naming rules derived from it.
import { readFileSync } from "node:fs";

export const catalogPath = new URL("../reference/endpoints.json", import.meta.url);

export function loadCatalog() {
  return JSON.parse(readFileSync(catalogPath, "utf8"));
}

/** `x-pagination` as the spec spells it, from a catalog row's `pagination`. */
export function paginationFromCatalog(p) {
  if (!p) return undefined;
  return {
    cursorParam: p.cursor_param,
    nextCursorField: p.next_cursor_field,
    hasMoreField: p.has_more_field,
    itemsField: p.items_field,
  };
}
