import type { Output } from "./main.js";

const BAR_WIDTH = 20;

/**
 * Export progress on stderr: a line redrawn in place on a terminal, a plain line every few seconds
 * otherwise. A bar only when the list's size is known (an `x-pagination.totalField` the page answered,
 * e.g. followers' `total`); otherwise a counter with its rates — --max-pages is a cap, not the size of
 * the list, so it never draws a bar.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = Date.now();
  private drawn = false;
  private listSize: number | undefined;

  constructor(
    private readonly stream: Output,
    private readonly tty: boolean,
    /** --max-pages, shown as the cap it is. */
    private readonly maxPages: number | undefined,
    /** Pages and items already done before this run (a resume): the rates count this run's only. */
    private readonly start: { pages: number; items: number },
    private readonly intervalMs = tty ? 100 : 2000,
  ) {}

  private perSecond(count: number, since: number): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? (count - since) / seconds : 0;
  }

  /** The size of the whole list, as the latest page reported it (ignored unless a non-negative integer). */
  total(value: unknown): void {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) this.listSize = value;
  }

  /** Items per second fetched by this run. */
  rate(items: number): number {
    return this.perSecond(items, this.start.items);
  }

  /**
   * `12 pages · 240 items · 3.1 pages/s · 62 items/s` (with a cap: `12 pages (stops at 100,000)`); with a
   * known list size the items read `[████░░░░…] 240 of 1,000 items (24.0%)`.
   */
  line(pages: number, items: number): string {
    const cap = this.maxPages === undefined ? "" : ` (stops at ${this.maxPages.toLocaleString("en-US")})`;
    const pageRate = this.perSecond(pages, this.start.pages).toLocaleString("en-US", { maximumFractionDigits: 1 });
    const itemRate = Math.round(this.rate(items)).toLocaleString("en-US");
    return `${plural(pages, "page")}${cap} · ${this.itemsPart(items)} · ${pageRate} pages/s · ${itemRate} items/s`;
  }

  private itemsPart(items: number): string {
    const size = this.listSize;
    if (size === undefined || size === 0) return plural(items, "item");
    const share = Math.min(1, items / size);
    const filled = Math.floor(share * BAR_WIDTH);
    const percent = (share * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${items.toLocaleString("en-US")} of ${plural(size, "item")} (${percent}%)`;
  }

  /** Redraws (terminal, at most every 100 ms, always when `final`) or prints a line (otherwise, every 2 s; never when `final`: the summary follows). */
  update(pages: number, items: number, final = false): void {
    const now = Date.now();
    if (final ? !this.tty : now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    if (this.tty) {
      this.stream.write(`\r\x1b[K${this.line(pages, items)}`);
      this.drawn = true;
    } else {
      this.stream.write(`export: ${this.line(pages, items)}\n`);
    }
  }

  /** Ends the redrawn line so the next message starts on its own. */
  clear(): void {
    if (this.tty && this.drawn) this.stream.write("\n");
    this.drawn = false;
  }
}

export const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
