import type { Pagination } from "@tikhubapi/client";

/** One query parameter of an operation, as a `--flag`. */
export interface Param {
  /** The API's name (`room_id`). */
  name: string;
  /** The CLI's flag, without dashes (`room-id`). */
  flag: string;
  required: boolean;
  type: "string" | "integer";
  description: string;
  example?: string | number;
  enum?: readonly (string | number)[];
  pattern?: string;
  minimum?: number;
}

/** An operation's `x-pagination`, read the same way as the client's `.pages()`; `totalField`, where the
 * spec gives one, is the size of the whole list (it draws the export's progress bar). */
export type CommandPagination = Pagination & { totalField?: string };
export type { Pagination } from "@tikhubapi/client";

export interface Operation {
  /** The CLI's method name: the client's, kebab-cased (`get-info`). */
  command: string;
  operationId: string;
  summary: string;
  description: string;
  path: string;
  /** The client's namespace (`live`) and method (`getInfo`): `client.live.getInfo`. */
  namespace: string;
  method: string;
  params: readonly Param[];
  pagination: CommandPagination | null;
}

export interface Section {
  /** The tag lower-cased (`live`). */
  name: string;
  tag: string;
  description: string;
  operations: readonly Operation[];
}
