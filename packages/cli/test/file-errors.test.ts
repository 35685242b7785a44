// The wording of filesystem errors the export tests cannot cause as root on any machine (EACCES,
// EPERM, EROFS): real errors where the kernel gives them to root too (link(2) of a directory is
// EPERM, /dev/full is ENOSPC), errors shaped like Node's otherwise.
import { closeSync, linkSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asFileError, FileError } from "../src/file-errors.js";

const dir = mkdtempSync(join(tmpdir(), "tikhub-cli-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const caught = (step: () => unknown): unknown => {
  try {
    step();
  } catch (error) {
    return error;
  }
  throw new Error("the step did not fail");
};
const nodeError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

describe("filesystem errors in words", () => {
  it("EPERM (a real one: link(2) of a directory)", () => {
    const error = asFileError(
      caught(() => linkSync(dir, join(dir, "link"))),
      join(dir, "link"),
      "write the output file",
    );
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toBe(
      `cannot write the output file ${join(dir, "link")}: the operation is not permitted (a protected or immutable file, or another user's) (EPERM)`,
    );
  });

  it.skipIf(process.platform !== "linux")("ENOSPC (a real one: /dev/full) names the path it was given, which a FileHandle's error lacks", () => {
    const fd = openSync("/dev/full", "w");
    try {
      const error = asFileError(
        caught(() => writeSync(fd, "x")),
        "out.jsonl",
        "write to the output file",
      );
      expect((error as Error).message).toBe("cannot write to the output file out.jsonl: the disk is full (ENOSPC)");
    } finally {
      closeSync(fd);
    }
  });

  const cases: [string, string][] = [
    ["EACCES", "cannot write the output file /data/out.jsonl: permission denied (check the permissions of it and of its directory /data) (EACCES)"],
    ["EROFS", "cannot write the output file /data/out.jsonl: it is on a read-only file system (EROFS)"],
    ["EDQUOT", "cannot write the output file /data/out.jsonl: your disk quota is used up (EDQUOT)"],
    ["EXDEV", "cannot write the output file /data/out.jsonl: failed, open '/data/out.jsonl' (EXDEV)"],
  ];
  for (const [code, message] of cases) {
    it(code, () => {
      expect((asFileError(nodeError(code, "open", "/data/out.jsonl"), "/data/out.jsonl", "write the output file") as Error).message).toBe(message);
    });
  }

  it("leaves anything that is not a filesystem error alone", () => {
    const other = new TypeError("not a file problem");
    expect(asFileError(other, "/x", "write")).toBe(other);
  });
});
