import type { PageOptions, RequestOptions } from "./resource-types.js";

/** An operation's `x-pagination`: field names are relative to the envelope's `data`; a dot means nesting, `[]` an array to flatten. */
export interface Pagination {
  cursorParam: string;
  /** null: a page-numbered list whose page parameter increments. */
  nextCursorField: string | null;
  hasMoreField: string;
  itemsField: string;
  /** Where a page says how many items the whole list has, if it does. */
  totalField?: string;
}

type Params = Record<string, unknown> | undefined;
type Call = (params: Params, options?: RequestOptions) => Promise<unknown>;

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
  return value === true || value === 1 || value === "1" || value === "true";
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
 * requested so far; this adds the one it returns).
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

/**
 * Where a walk through a paged list stands: plain JSON, so a long export can save it after each page
 * and resume from it later (`.walk(params, { from: state })`) exactly where it stopped.
 */
export interface PageState {
  /** The cursor the next request sends; absent: the parameters' own (none, or the one you gave). */
  cursor?: string | number;
  /** Every cursor requested so far, as text: a cursor that comes back ends the list instead of looping. */
  seen: string[];
  /** Pages fetched so far (over every run that resumed this state). */
  pages: number;
  /** The list has ended: has_more false/0, no next cursor, a repeated one, or an empty numbered page. */
  done: boolean;
}

/** One page of a walk: its `data`, its items, the list's total where the page says it, and the state after it. */
export interface PageStep<Page = unknown, Item = unknown> {
  page: Page;
  items: Item[];
  total?: number;
  state: PageState;
}

/**
 * The paging state machine `.pages()`, `.iterate()` and `.walk()` share: which parameters the next
 * request sends, and what a page means for the walk. Its `state` is serialisable (JSON) and a new
 * walker made from it continues the same list.
 */
export class PageWalker {
  private cursor: unknown;
  private seen: Set<string>;
  pages: number;
  done: boolean;

  constructor(
    readonly pagination: Pagination,
    readonly params: Params,
    from?: PageState,
  ) {
    this.cursor = from ? from.cursor : params?.[pagination.cursorParam];
    this.seen = new Set(from?.seen);
    if (this.cursor !== undefined) this.seen.add(String(this.cursor));
    this.pages = from?.pages ?? 0;
    this.done = from?.done ?? false;
  }

  /** The parameters of the next request. */
  next(): Params {
    return this.cursor === undefined ? this.params : { ...this.params, [this.pagination.cursorParam]: this.cursor };
  }

  /** Takes in the page the request from `next()` returned. */
  advance<Page, Item>(page: Page): PageStep<Page, Item> {
    const p = this.pagination;
    const next = nextPage(page, p, this.cursor, this.seen);
    this.pages++;
    if (next === undefined) this.done = true;
    else this.cursor = next;
    const total = p.totalField === undefined ? undefined : readField(page, p.totalField);
    return { page, items: pageItems(page, p) as Item[], total: typeof total === "number" ? total : undefined, state: this.state };
  }

  get state(): PageState {
    const state: PageState = { seen: [...this.seen], pages: this.pages, done: this.done };
    if (this.cursor !== undefined) state.cursor = this.cursor as string | number;
    return state;
  }
}

export async function* walk(call: Call, p: Pagination, params: Params, options: PageOptions = {}): AsyncGenerator<PageStep> {
  const { maxPages = Infinity, from, ...requestOptions } = options;
  const walker = new PageWalker(p, params, from);
  for (let requests = 0; requests < maxPages && !walker.done; requests++) yield walker.advance(await call(walker.next(), requestOptions));
}

export async function* pages(call: Call, p: Pagination, params: Params, options?: PageOptions): AsyncGenerator<unknown> {
  for await (const step of walk(call, p, params, options)) yield step.page;
}

export async function* iterate(call: Call, p: Pagination, params: Params, options?: PageOptions): AsyncGenerator<unknown> {
  for await (const step of walk(call, p, params, options)) yield* step.items;
}
