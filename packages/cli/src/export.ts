import { open, readFile, rename, rm, stat, truncate } from "node:fs/promises";
import { basename } from "node:path";
import type { PageState, PageStep } from "@tikhubapi/client";
import type { Operation, Section } from "./commands.js";
import { CliError, describeError, EXIT, UsageError } from "./errors.js";
import { FileError, onFile } from "./file-errors.js";
import type { Output } from "./main.js";
import type { Params } from "./params.js";
import { Progress, plural } from "./progress.js";

/** What FILE.jsonl.checkpoint.json holds: enough to continue after the last completed page. */
export interface Checkpoint {
  version: 2;
  /** `user get-followers` */
  operation: string;
  operationId: string;
  /** The parameters as given on the command line (the starting cursor included, if one was given). */
  params: Params;
  /** The client's paging state after the last completed page (`.walk()`'s, resumed with `from`); absent before the first page. */
  state?: PageState;
  pagesDone: number;
  itemsDone: number;
  /** Length of the output after the last completed page: a resume truncates the output to it. */
  bytes: number;
  complete: boolean;
  /** end: the list has no more pages; max-pages: --max-pages was reached (a larger one continues). */
  reason?: "end" | "max-pages";
  updatedAt: string;
}

/** A paged method's `.walk()`: the client's own paging state machine. */
export type WalkMethod = (params: Params, options: { from?: PageState; maxPages?: number; signal?: AbortSignal }) => AsyncIterable<PageStep>;

/** A checkpoint written by tikhub 0.1 (version 1): the next cursor instead of the client's state. */
interface CheckpointV1 extends Omit<Checkpoint, "version" | "state"> {
  version: 1;
  nextCursor?: string | number;
}

export interface ExportOptions {
  /** `client[namespace][method].walk`, bound. */
  walk: WalkMethod;
  section: Section;
  operation: Operation;
  params: Params;
  out: string;
  maxPages?: number;
  force: boolean;
  baseUrl: string;
  stderr: Output;
  /** Draw a redrawn progress bar (stderr is a terminal) instead of periodic lines. */
  tty: boolean;
}

export const checkpointPath = (out: string) => `${out}.checkpoint.json`;

const sameParams = (a: Params, b: Params) => canonical(a) === canonical(b);
const canonical = (params: Params) =>
  JSON.stringify(
    Object.keys(params)
      .sort()
      .map((k) => [k, String(params[k])]),
  );

const describeParams = (operation: Operation, params: Params) =>
  operation.params
    .filter((p) => params[p.name] !== undefined)
    .map((p) => `--${p.flag} ${String(params[p.name])}`)
    .join(" ");

/** The size of the output file; undefined when there is none yet. */
async function sizeOf(path: string): Promise<number | undefined> {
  const stats = await onFile(path, "check the output file", () => stat(path)).catch((error) => {
    if ((error as FileError).code === "ENOENT") return undefined;
    throw error;
  });
  if (stats?.isDirectory()) throw new FileError(path, "write the output file", "EISDIR", "is a directory");
  return stats?.size;
}

async function readCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string;
  try {
    text = await onFile(path, "read the checkpoint", () => readFile(path, "utf8"));
  } catch (error) {
    if ((error as FileError).code === "ENOENT") return undefined;
    throw error;
  }
  let checkpoint: Checkpoint | CheckpointV1;
  try {
    checkpoint = JSON.parse(text) as Checkpoint | CheckpointV1;
  } catch {
    throw new UsageError(`the checkpoint ${path} is not valid JSON; pass --force to start the export over`);
  }
  const valid =
    (checkpoint?.version === 1 || checkpoint?.version === 2) &&
    typeof checkpoint.operation === "string" &&
    checkpoint.params !== null &&
    typeof checkpoint.params === "object" &&
    Number.isSafeInteger(checkpoint.pagesDone) &&
    Number.isSafeInteger(checkpoint.itemsDone) &&
    Number.isSafeInteger(checkpoint.bytes) &&
    typeof checkpoint.complete === "boolean";
  if (!valid) throw new UsageError(`the checkpoint ${path} is not a checkpoint this tikhub can read; pass --force to start the export over`);
  if (checkpoint.version === 2) return checkpoint;
  // Version 1 kept the next cursor: the client's state at that cursor continues the same list.
  const { nextCursor, ...rest } = checkpoint;
  const state: PageState | undefined = nextCursor === undefined ? undefined : { cursor: nextCursor, seen: [], pages: rest.pagesDone, done: false };
  return { ...rest, version: 2, ...(state ? { state } : {}) };
}

/** Writes the checkpoint to a temporary file, flushes it to disk, then renames it over the old one: it is always whole. */
async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const temporary = `${path}.tmp`;
  await onFile(path, "write the checkpoint", async () => {
    const handle = await open(temporary, "w").catch((error) => {
      // The temporary file is ours to name: say which path is in the way.
      throw (error as NodeJS.ErrnoException).code === "EISDIR"
        ? new FileError(temporary, "write the checkpoint's temporary file", "EISDIR", "is a directory")
        : error;
    });
    try {
      await handle.writeFile(`${JSON.stringify({ ...checkpoint, updatedAt: new Date().toISOString() }, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  });
}

/**
 * Streams every page of a paged operation to `out` as JSON Lines: each page is appended and flushed,
 * then the checkpoint is updated. Re-running the same command resumes after the last completed page.
 */
export async function runExport(options: ExportOptions): Promise<void> {
  const { section, operation, params, out, maxPages, stderr } = options;
  const name = `${section.name} ${operation.cliCommand}`;
  const cpPath = checkpointPath(out);
  const info = (line: string) => stderr.write(`export: ${line}\n`);

  if (options.force) {
    await onFile(out, "delete the output file", () => rm(out, { force: true }));
    await onFile(cpPath, "delete the checkpoint", () => rm(cpPath, { force: true }));
  }

  let checkpoint = await readCheckpoint(cpPath);
  let outputSize = await sizeOf(out);
  let resumedNote = "";
  if (checkpoint) {
    if (checkpoint.operation !== name || !sameParams(checkpoint.params, params)) {
      const theirs = `${checkpoint.operation} ${describeParams(operation, checkpoint.params as Params)}`.trim();
      throw new UsageError(
        `${basename(cpPath)} belongs to a different export (${theirs}); re-run that command to resume it, choose another --out, or pass --force to start over`,
      );
    }
    if ((outputSize ?? 0) < checkpoint.bytes) {
      throw new UsageError(
        `${out} is shorter than its checkpoint says (${outputSize ?? "missing"} < ${checkpoint.bytes} bytes): it was changed since; pass --force to start over`,
      );
    }
    // Finished: the list ended, or --max-pages is reached (a run without it, or with a larger one, continues).
    const finished = alreadyFinished(checkpoint, maxPages);
    if (finished) {
      info(
        `${out} ${finished}; nothing fetched — ${checkpoint.reason === "end" ? "pass --force to export again" : `a --max-pages above ${checkpoint.pagesDone} continues, --force starts over`}`,
      );
      return;
    }
    const { bytes } = checkpoint;
    if (outputSize !== undefined && outputSize > bytes) {
      await onFile(out, "cut the unfinished page off the output file", () => truncate(out, bytes));
      resumedNote = `, dropped ${outputSize - bytes} bytes of an unfinished page`;
      outputSize = bytes;
    }
    checkpoint = { ...checkpoint, complete: false, reason: undefined };
    info(
      checkpoint.pagesDone === 0
        ? `restarting ${name} → ${out}${resumedNote}`
        : `resuming ${name} → ${out} after page ${checkpoint.pagesDone} (${plural(checkpoint.itemsDone, "item")} saved)${resumedNote}`,
    );
  } else {
    if (outputSize) throw new UsageError(`${out} already exists and has no checkpoint; choose another --out, or pass --force to overwrite it`);
    checkpoint = {
      version: 2,
      operation: name,
      operationId: operation.id,
      params,
      pagesDone: 0,
      itemsDone: 0,
      bytes: 0,
      complete: false,
      updatedAt: "",
    };
    await writeCheckpoint(cpPath, checkpoint);
    info(`${name} → ${out}`);
  }

  const controller = new AbortController();
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(128 + (signal === "SIGINT" ? 2 : 15));
    interrupted = signal;
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const progress = new Progress(stderr, options.tty, maxPages, { pages: checkpoint.pagesDone, items: checkpoint.itemsDone });
  const handle = await onFile(out, "open the output file", () => open(out, "a"));
  /** What the checkpoint on disk holds: every count reported comes from here. */
  let saved: Checkpoint = checkpoint;
  try {
    const remaining = maxPages === undefined ? undefined : maxPages - saved.pagesDone;
    const steps = options.walk(params, { from: saved.state, maxPages: remaining, signal: controller.signal });
    let finished = false;
    for await (const { items, total, state } of steps) {
      progress.total(total);
      const text = items.map((item) => `${JSON.stringify(item)}\n`).join("");
      const buffer = Buffer.from(text, "utf8");
      if (buffer.length) {
        await onFile(out, "write to the output file", async () => {
          await handle.write(buffer);
          await handle.datasync();
        });
      }
      const pagesDone = saved.pagesDone + 1;
      const reason = state.done ? "end" : maxPages !== undefined && pagesDone >= maxPages ? "max-pages" : undefined;
      const pending: Checkpoint = {
        ...saved,
        state,
        pagesDone,
        itemsDone: saved.itemsDone + items.length,
        bytes: saved.bytes + buffer.length,
        complete: reason !== undefined,
        reason,
      };
      await writeCheckpoint(cpPath, pending);
      saved = pending;
      progress.update(saved.pagesDone, saved.itemsDone);
      if (reason || interrupted) {
        finished = reason !== undefined;
        break;
      }
    }
    if (interrupted && !finished) throw new Error("interrupted");
    if (!finished) {
      // The walk ended without a step saying so: its state (resumed from the checkpoint) was already at the end of the list.
      const pending: Checkpoint = { ...saved, complete: true, reason: "end" };
      await writeCheckpoint(cpPath, pending);
      saved = pending;
    }
    progress.update(saved.pagesDone, saved.itemsDone, true);
    progress.clear();
    const rate = `${Math.round(progress.rate(saved.itemsDone)).toLocaleString("en-US")} items/s`;
    info(
      saved.reason === "max-pages"
        ? `stopped at --max-pages ${maxPages}: ${plural(saved.pagesDone, "page")}, ${plural(saved.itemsDone, "item")} in ${out} (${rate}); a larger --max-pages continues`
        : `finished: ${plural(saved.pagesDone, "page")}, ${plural(saved.itemsDone, "item")} in ${out} (${rate})`,
    );
  } catch (error) {
    progress.clear();
    // Only what the checkpoint holds counts as saved: a page written to FILE whose checkpoint write
    // failed is dropped by the next run.
    const kept = `${plural(saved.pagesDone, "page")} (${plural(saved.itemsDone, "item")}) saved in ${out}`;
    if (interrupted) {
      throw new CliError(`interrupted: ${kept}; re-run the same command to resume`, interrupted === "SIGINT" ? EXIT.INTERRUPTED : 128 + 15, { cause: error });
    }
    const { message, exitCode } = describeError(error, options.baseUrl);
    throw new CliError(`${message}; ${kept}; re-run the same command to resume`, exitCode, { cause: error });
  } finally {
    await handle.close().catch(() => {});
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Why a re-run has nothing to fetch, in the checkpoint's own numbers; undefined when it has. */
function alreadyFinished(checkpoint: Checkpoint, maxPages: number | undefined): string | undefined {
  const holds = `${plural(checkpoint.pagesDone, "page")}, ${plural(checkpoint.itemsDone, "item")}`;
  if (checkpoint.complete && checkpoint.reason === "end") return `is already finished: it holds the whole list, ${holds}`;
  const reached = maxPages !== undefined && checkpoint.pagesDone >= maxPages;
  if (!reached) return undefined;
  if (checkpoint.complete) return `is already finished: it holds ${holds} (an earlier run stopped at its --max-pages)`;
  return `already holds ${holds}, no fewer than --max-pages ${maxPages}`;
}
