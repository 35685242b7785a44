import type { Pagination } from "./pagination.js";

/** One row of the generated operation table (src/generated/operations.ts): what a resource method needs at run time. */
export interface ClientOperation {
  /** e.g. "live" */
  namespace: string;
  /** e.g. "getInfo" */
  method: string;
  /** e.g. "/live/info": with GET, it names the operation (query keys use it, as openapi-react-query's do). */
  path: string;
  /** Required query parameters, where there are some: a call without one is refused before anything is sent. */
  required?: readonly string[];
  /** From the spec's `x-pagination`, on paged operations only. */
  pagination?: Pagination;
}
