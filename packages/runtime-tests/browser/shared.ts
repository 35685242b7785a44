// What the pages share: the ids they ask for and how they report to the test (window.report).

export const ROOM = "7531095702089370381";
export const HOST = "6796815426174960646";
export const FOLLOWED = "6804496986206749701";

/** Hands the page's findings to the test, which waits for window.report. */
export function report(value: unknown): void {
  (window as unknown as { report?: unknown }).report = value;
}

export function describe(error: unknown): { name?: string; message: string; status?: number; retryAfterMs?: number } {
  const e = error as { name?: string; message?: string; status?: number; retryAfterMs?: number } | undefined;
  return { name: e?.name, message: String(e?.message ?? error), status: e?.status, retryAfterMs: e?.retryAfterMs };
}
