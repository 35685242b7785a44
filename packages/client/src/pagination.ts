import type { PaginationModel } from "@tikhubapi/spec/model";
import { nextCursor, pageItems, readField } from "@tikhubapi/spec/runtime";
import type { PageOptions, RequestOptions } from "./resource-types.js";

/** An operation's `x-pagination`, as the operation model reads it: field names are relative to the envelope's `data`; a dot means nesting, `[]` an array to flatten. */
export type Pagination = PaginationModel;

type Params = Record<string, unknown> | undefined;
type Call = (params: Params, options?: RequestOptions) => Promise<unknown>;

/** The paging helpers of the operation model, one semantics for the client, the CLI and the mock. `nextPage` is `nextCursor`'s former name. */
export { nextCursor as nextPage, nextCursor, pageItems, readField };

/** How many of the latest cursors a walk remembers: a list that loops repeats a recent one. */
const SEEN_WINDOW = 100;

/**
 * Where a walk through a paged list stands: plain JSON, so a long export can save it after each page
 * and resume from it later (`.walk(params, { from: state })`) exactly where it stopped.
 */
export interface PageState {
  /** The cursor the next request sends; absent: the parameters' own (none, or the one you gave). */
  cursor?: string | number;
  /** The cursors requested most recently (at most the last 100), as text: one that comes back ends the list instead of looping. */
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
    const next = nextCursor(page, p, this.cursor, this.seen);
    // A bounded memory, so that a state saved after every page of a long export stays small.
    for (const old of this.seen) {
      if (this.seen.size <= SEEN_WINDOW) break;
      this.seen.delete(old);
    }
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
