// Lists that page like the API, from the spec alone. A paged operation (one with `x-pagination`)
// lists its pages as the named examples of its 200 answer, in order: the first is page 1. Page N's
// next cursor (the field `x-pagination.nextCursorField` names) is the cursor parameter's value that
// selects page N+1; the last page says has_more false/0. A page-numbered list (nextCursorField null)
// selects example N for page N. No operation is known by name here.

import { operationPagination, operationParams, type PaginationModel } from "@tikhubapi/spec/model";
import { readField } from "@tikhubapi/spec/runtime";
import { type MockRequest, queryOf } from "./request.js";
import { listOperations, type OpenApiSpec, responseExamples } from "./spec.js";

/** `x-pagination` as the operation model reads it (@tikhubapi/spec/model). */
export type Pagination = PaginationModel;

/** The pages of one paged operation, as the spec holds them. */
export interface PagedOperation {
  operationId: string;
  method: string;
  path: string;
  pagination: Pagination;
  /** The 200 example names, page 1 first. */
  pages: string[];
  /** Cursor value (as a string) → the example it selects. */
  byCursor: Map<string, string>;
  /** Cursor values that mean "from the start": the parameter's declared example and default, and "". */
  initialCursors: Set<string>;
}

export type PageIndex = Map<string, PagedOperation>;

const keyOf = (method: string, path: string) => `${method.toLowerCase()} ${path}`;

/**
 * Indexes every paged operation's pages: built once per spec. The pagination and the cursor
 * parameter are the operation model's reading (@tikhubapi/spec/model), so a spec the model cannot
 * read fails here with its ModelError naming the operation.
 */
export function buildPageIndex(spec: OpenApiSpec): PageIndex {
  const index: PageIndex = new Map();
  for (const operation of listOperations(spec)) {
    const pagination = operationPagination(spec, operation.operationId, operation.operation);
    if (!pagination) continue;
    const examples = responseExamples(spec, operation, 200);
    const pages = examples.map(([name]) => name);
    const byCursor = new Map<string, string>();
    if (pagination.nextCursorField !== null) {
      examples.slice(0, -1).forEach(([, page], i) => {
        const next = readField((page as { data?: unknown } | null)?.data, pagination.nextCursorField as string);
        const following = pages[i + 1];
        if (next !== undefined && next !== null && following !== undefined && !byCursor.has(String(next))) byCursor.set(String(next), following);
      });
    }
    const cursor = operationParams(spec, operation.operationId, operation.operation).find((p) => p.name === pagination.cursorParam);
    const initialCursors = new Set<string>([""]);
    for (const value of [cursor?.example, cursor?.default]) {
      if (value !== undefined && value !== null) initialCursors.add(String(value));
    }
    if (pagination.nextCursorField === null) initialCursors.add("1");
    index.set(keyOf(operation.method, operation.path), {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      pagination,
      pages,
      byCursor,
      initialCursors,
    });
  }
  return index;
}

/** The paged operation a method + spec path template belongs to, if it pages. */
export function pagedOperation(index: PageIndex, method: string, pathTemplate: string): PagedOperation | undefined {
  return index.get(keyOf(method, pathTemplate));
}

/**
 * The example name to answer for a request to a paged operation: the first page when the cursor is
 * absent or initial, the page the cursor selects, else (an unknown cursor, a page past the end) the
 * last page. For a page-numbered list, a page number below 1 gets the first page.
 */
export function selectPage(paged: PagedOperation, request: MockRequest): string | undefined {
  if (paged.pages.length === 0) return undefined;
  const cursor = queryOf(request, paged.pagination.cursorParam);
  if (cursor === undefined || paged.initialCursors.has(cursor)) return paged.pages[0];
  const last = paged.pages[paged.pages.length - 1];
  if (paged.pagination.nextCursorField === null) {
    const page = Number(cursor);
    if (!Number.isInteger(page)) return last;
    return page < 1 ? paged.pages[0] : (paged.pages[page - 1] ?? last);
  }
  return paged.byCursor.get(cursor) ?? last;
}
