// Filesystem failures in words: what went wrong, with which path. `cannot write to out.jsonl: the disk
// is full (ENOSPC)` rather than a bare code (or no path at all, as a FileHandle's errors have).
import { dirname } from "node:path";
import { CliError } from "./errors.js";

type ErrnoError = NodeJS.ErrnoException & { code: string };

const isErrno = (error: unknown): error is ErrnoError =>
  error instanceof Error && /^(E[A-Z0-9]+|ERR_FS_EISDIR)$/.test(String((error as NodeJS.ErrnoException).code));

/** What an error code means for `path`, in words (the message names the path before it). */
function explain(code: string, path: string, action: string): string | undefined {
  const reading = /^(read|check)\b/.test(action);
  const reasons: Record<string, string> = {
    EISDIR: "it is a directory, not a file",
    ENOENT: reading ? "it does not exist" : `its directory ${dirname(path)} does not exist`,
    ENOTDIR: "part of the path is a file, not a directory",
    EACCES: `permission denied (check the permissions of it and of its directory ${dirname(path)})`,
    EPERM: "the operation is not permitted (a protected or immutable file, or another user's)",
    EROFS: "it is on a read-only file system",
    ENOSPC: "the disk is full",
    EDQUOT: "your disk quota is used up",
    ENAMETOOLONG: "the name is too long for the file system",
    ELOOP: "it goes through too many symbolic links",
    EEXIST: "it already exists",
    EBUSY: "it is busy (in use by the system or another process)",
    EMFILE: "too many files are open",
    ENFILE: "too many files are open",
    EIO: "the disk reported an input/output error",
    EFBIG: "the file would be larger than the file system allows",
  };
  return reasons[code];
}

/** A filesystem error as one worded line (exit 1): `cannot <action> <path>: <what is wrong> (<CODE>)`. */
export class FileError extends CliError {
  override name = "FileError";
  constructor(
    readonly path: string,
    action: string,
    readonly code: string,
    systemMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot ${action} ${path}: ${explain(code, path, action) ?? systemMessage.replace(/^[A-Z0-9]+: /, "")} (${code})`, undefined, options);
  }
}

/** `error` as a FileError about `path` when it is a filesystem error; anything else unchanged. */
export function asFileError(error: unknown, path: string | undefined, action: string): unknown {
  if (!isErrno(error) || error instanceof FileError) return error;
  const code = error.code === "ERR_FS_EISDIR" ? "EISDIR" : error.code;
  return new FileError(path ?? error.path ?? "(unknown path)", action, code, error.message, { cause: error });
}

/** Runs a filesystem step, turning its errors into a FileError that names `path` and the `action`. */
export async function onFile<T>(path: string, action: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asFileError(error, path, action);
  }
}
