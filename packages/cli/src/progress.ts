import type { Output } from "./main.js";

/** Export progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = Date.now();
  private drawn = false;

  constructor(
    private readonly stream: Output,
    private readonly tty: boolean,
    private readonly maxPages: number | undefined,
    /** Items already done before this run (a resume): the rate counts this run's only. */
    private readonly startItems: number,
    private readonly intervalMs = tty ? 100 : 2000,
  ) {}

  /** Items per second fetched by this run. */
  rate(items: number): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? (items - this.startItems) / seconds : 0;
  }

  /** Redraws (terminal, at most every 100 ms, always when `final`) or prints a line (otherwise, every 2 s; never when `final`: the summary follows). */
  update(pages: number, items: number, final = false): void {
    const now = Date.now();
    if (final ? !this.tty : now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    const rate = `${Math.round(this.rate(items)).toLocaleString("en-US")} items/s`;
    if (this.tty) {
      const count = `${pages.toLocaleString("en-US")}${this.maxPages === undefined ? "" : `/${this.maxPages.toLocaleString("en-US")}`} pages`;
      const bar = this.maxPages === undefined ? "" : `${renderBar(pages / this.maxPages, 24)} `;
      this.stream.write(`\r\x1b[K${bar}${count} · ${items.toLocaleString("en-US")} items · ${rate}`);
      this.drawn = true;
    } else {
      this.stream.write(`export: ${plural(pages, "page")}, ${plural(items, "item")}, ${rate}\n`);
    }
  }

  /** Ends the redrawn line so the next message starts on its own. */
  clear(): void {
    if (this.tty && this.drawn) this.stream.write("\n");
    this.drawn = false;
  }
}

function renderBar(fraction: number, width: number): string {
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
}

export const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
