// The endpoint catalog (openapi/reference/endpoints.json): what the documentation lists, which the
// spec check holds the spec to.
import { readFileSync } from "node:fs";
import type { PaginationModel } from "../model.js";

export const catalogPath: URL = new URL("../../../reference/endpoints.json", import.meta.url);

export interface CatalogParam {
  name: string;
  in: string;
  required: boolean;
  type: string;
  example?: string | number | null;
  enum?: readonly (string | number)[];
  description?: string;
}

export interface CatalogPagination {
  cursor_param: string;
  next_cursor_field: string | null;
  has_more_field: string;
  items_field: string;
}

export interface CatalogEndpoint {
  id: string;
  section: string;
  title: string;
  method: string;
  path: string;
  operation_id: string;
  params: CatalogParam[];
  pagination: CatalogPagination | null;
  response?: string;
  status: "CONFIRMED" | "EQUIV" | "PROPOSED";
  [field: string]: unknown;
}

export interface Catalog {
  sections: string[];
  endpoints: CatalogEndpoint[];
  [field: string]: unknown;
}

export function loadCatalog(): Catalog {
  return JSON.parse(readFileSync(catalogPath, "utf8"));
}

/** `x-pagination` as the spec spells it (without the optional totalField), from a catalog row's `pagination`. */
export function paginationFromCatalog(p: CatalogPagination | null | undefined): PaginationModel | undefined {
  if (!p) return undefined;
  return { cursorParam: p.cursor_param, nextCursorField: p.next_cursor_field, hasMoreField: p.has_more_field, itemsField: p.items_field };
}
