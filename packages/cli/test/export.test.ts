// Exports against a real local HTTP server (127.0.0.1, port 0) serving a finite paged list that can
// fail on a chosen page: full export, resume after a rate limit / Ctrl-C / a crash, finished re-run,
// authentication failure, checkpoint mismatches.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../dist/index.js";
import { type PagedServer, startPagedServer } from "./helpers/paged-server.js";
import { killChildren, run } from "./helpers/run.js";

const PAGES = 5;
const PAGE_SIZE = 20;
const USER_ID = "6804496986206749701";
const FOLLOWERS = "/user/followers";

let dir: string;
let server: PagedServer;
/** What an uninterrupted export must write, built from the server's items (uids as exact strings). */
let reference: string;

const lines = (text: string) => text.split("\n").filter(Boolean);
const uids = (text: string) => lines(text).map((line) => (JSON.parse(line) as { uid: string }).uid);
const file = (name: string) => join(dir, name);
const exportArgs = (out: string, extra: string[] = []) => [
  "export",
  "user",
  "get-followers",
  "--user-id",
  USER_ID,
  "--out",
  out,
  "--base-url",
  server.url,
  ...extra,
];
const expectedUids = () => Array.from({ length: PAGES * PAGE_SIZE }, (_, i) => server.uid(Math.floor(i / PAGE_SIZE), i % PAGE_SIZE));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tikhub-cli-export-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startPagedServer({ pages: PAGES, pageSize: PAGE_SIZE });
  reference = expectedUids()
    .map((uid, n) => {
      const [page, index] = [Math.floor(n / PAGE_SIZE), n % PAGE_SIZE];
      return `${JSON.stringify({ uid, unique_id: `follower_${page}_${index}`, nickname: `Follower ${n} ✨`, follower_count: index * 7 })}\n`;
    })
    .join("");
});
afterEach(async () => {
  killChildren();
  await server.close();
});

describe("export against a local paged server", () => {
  it("writes N pages × K items as one JSON item per line, 64-bit ids exact, and a finished checkpoint", async () => {
    const out = file("reference.jsonl");
    const result = await run(exportArgs(out));
    expect(result.stderr).toContain(`finished: ${PAGES} pages, ${PAGES * PAGE_SIZE} items in ${out}`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    expect(lines(text)).toHaveLength(PAGES * PAGE_SIZE);
    // The server sends uids as bare JSON numbers beyond 2^53: every digit must survive.
    expect(uids(text)).toEqual(expectedUids());
    expect(new Set(uids(text)).size).toBe(PAGES * PAGE_SIZE);
    expect(text).toBe(reference);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 3, 4]);
    // The cursor of each page is the previous page's min_time.
    expect(server.requests[1].query.offset).toBe(String(1_748_390_412 - 3600));
    const checkpoint = JSON.parse(readFileSync(`${out}.checkpoint.json`, "utf8"));
    expect(checkpoint).toMatchObject({
      operation: "user get-followers",
      params: { user_id: USER_ID },
      pagesDone: PAGES,
      itemsDone: PAGES * PAGE_SIZE,
      bytes: Buffer.byteLength(reference),
      complete: true,
      reason: "end",
    });
  });

  it("a finished export re-run says so, exits 0 and makes no request", async () => {
    const out = file("finished.jsonl");
    expect((await run(exportArgs(out))).code).toBe(0);
    server.requests.length = 0;
    const result = await run(exportArgs(out));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("is already finished: it holds the whole list, 5 pages, 100 items; nothing fetched");
    expect(server.requests).toHaveLength(0);
    expect(readFileSync(out, "utf8")).toBe(reference);
  });

  it("stops on a 429 beyond the Retry-After cap (exit 4) and resumes after the last completed page", async () => {
    const out = file("rate-limited.jsonl");
    server.failOnce(FOLLOWERS, 2, "rate-limit");
    const first = await run(exportArgs(out));
    expect(first.code).toBe(4);
    expect(first.stderr).toContain("tikhub: rate-limited (HTTP 429) (API Key Rate-Limit reached.): retry after 3600 s; 2 pages (40 items) saved");
    expect(first.stderr).toContain("re-run the same command to resume");
    expect(first.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(lines(readFileSync(out, "utf8"))).toHaveLength(40);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2]);

    const second = await run(exportArgs(out));
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("resuming user get-followers");
    expect(second.stderr).toContain("after page 2 (40 items saved)");
    // The resumed run starts with page 3 (index 2): pages 0 and 1 are not fetched again.
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 2, 2, 3, 4]);
    const text = readFileSync(out, "utf8");
    expect(uids(text).sort()).toEqual(uids(reference).sort());
    expect(new Set(uids(text)).size).toBe(lines(text).length);
    expect(text).toBe(reference);
  });

  it("after a crash (SIGKILL mid-page) drops the half-written page and resumes without loss or duplicates", async () => {
    const out = file("crashed.jsonl");
    server.failOnce(FOLLOWERS, 3, "hang");
    const first = await run(exportArgs(out), {
      onSpawn: (child) => void server.waitForRequest(FOLLOWERS, 3).then(() => child.kill("SIGKILL")),
    });
    expect(first.signal).toBe("SIGKILL");
    expect(lines(readFileSync(out, "utf8"))).toHaveLength(60);
    // What a crash in the middle of writing page 4 leaves behind: part of a line.
    const partial = '{"uid":"7000000000060000180","unique_id":"follo';
    appendFileSync(out, partial);

    const second = await run(exportArgs(out));
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`after page 3 (60 items saved), dropped ${Buffer.byteLength(partial)} bytes of an unfinished page`);
    const text = readFileSync(out, "utf8");
    expect(new Set(uids(text)).size).toBe(PAGES * PAGE_SIZE);
    expect(text).toBe(reference);
  });

  it("Ctrl-C (SIGINT) stops after the page in flight with exit 130; the same command resumes", async () => {
    const out = file("interrupted.jsonl");
    server.failOnce(FOLLOWERS, 1, "hang");
    const first = await run(exportArgs(out), {
      onSpawn: (child) => void server.waitForRequest(FOLLOWERS, 1).then(() => child.kill("SIGINT")),
    });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain("tikhub: interrupted: 1 page (20 items) saved");
    const second = await run(exportArgs(out));
    expect(second.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(reference);
  });

  it("a connection dropped once is retried by the client: the export completes", async () => {
    const out = file("dropped.jsonl");
    server.failOnce(FOLLOWERS, 1, "destroy");
    const result = await run(exportArgs(out));
    expect(result.code).toBe(0);
    expect(server.requests.map((r) => r.page)).toEqual([0, 1, 1, 2, 3, 4]);
    expect(readFileSync(out, "utf8")).toBe(reference);
  });

  it("--max-pages stops early; re-running without it continues to the end", async () => {
    const out = file("limited.jsonl");
    const first = await run(exportArgs(out, ["--max-pages", "2"]));
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("stopped at --max-pages 2: 2 pages, 40 items");
    expect(lines(readFileSync(out, "utf8"))).toHaveLength(40);
    const again = await run(exportArgs(out, ["--max-pages", "2"]));
    expect(again.stderr).toContain("already finished");
    expect(server.requests).toHaveLength(2);
    const rest = await run(exportArgs(out));
    expect(rest.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(reference);
  });

  it("the checkpoint holds the client's paging state; one written by tikhub 0.1 (version 1: the next cursor) resumes too", async () => {
    const out = file("version-1.jsonl");
    expect((await run(exportArgs(out, ["--max-pages", "2"]))).code).toBe(0);
    const checkpoint = JSON.parse(readFileSync(`${out}.checkpoint.json`, "utf8"));
    const nextCursor = 1_748_390_412 - 2 * 3600;
    expect(checkpoint).toMatchObject({ version: 2, pagesDone: 2, reason: "max-pages", state: { cursor: nextCursor, pages: 2, done: false } });
    const { state, ...rest } = checkpoint;
    writeFileSync(`${out}.checkpoint.json`, JSON.stringify({ ...rest, version: 1, cursorParam: "offset", nextCursor: state.cursor }));
    server.requests.length = 0;
    const resumed = await run(exportArgs(out));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("resuming user get-followers");
    expect(server.requests.map((r) => r.page)).toEqual([2, 3, 4]);
    expect(readFileSync(out, "utf8")).toBe(reference);
    expect(JSON.parse(readFileSync(`${out}.checkpoint.json`, "utf8"))).toMatchObject({
      version: 2,
      pagesDone: PAGES,
      complete: true,
      reason: "end",
      state: { pages: PAGES, done: true },
    });
  });

  it("resumes a page-numbered list (video get-trending) at the next page number", async () => {
    const out = file("trending.jsonl");
    server.failOnce("/video/trending", 2, "rate-limit");
    const args = ["export", "video", "get-trending", "--region", "US", "--out", out, "--base-url", server.url];
    const first = await run(args);
    expect(first.code).toBe(4);
    const second = await run(args);
    expect(second.code).toBe(0);
    expect(server.requests.map((r) => r.query.page)).toEqual([undefined, "2", "3", "3", "4", "5"]);
    const text = readFileSync(out, "utf8");
    expect(uids(text)).toEqual(expectedUids());
  });

  it("refuses a checkpoint that belongs to other parameters, and an output without a checkpoint", async () => {
    const out = file("mismatch.jsonl");
    expect((await run(exportArgs(out, ["--max-pages", "1"]))).code).toBe(0);
    server.requests.length = 0;
    const other = await run(["export", "user", "get-followers", "--user-id", "42", "--out", out, "--base-url", server.url]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`belongs to a different export (user get-followers --user-id ${USER_ID})`);
    const stray = file("stray.jsonl");
    writeFileSync(stray, '{"not":"an export"}\n');
    const result = await run(exportArgs(stray));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("already exists and has no checkpoint");
    expect(server.requests).toHaveLength(0);
    const forced = await run(exportArgs(stray, ["--force"]));
    expect(forced.code).toBe(0);
    expect(readFileSync(stray, "utf8")).toBe(reference);
  });

  it("a 401 exits 3 with one line, and never prints the password, not even with --debug", async () => {
    const secret = "s3cret-Passw0rd";
    const env = { TIKHUB_PASSWORD: secret };
    const call = await run(["user", "get-followers", "--user-id", USER_ID, "--base-url", server.url, "--debug"], { env });
    expect(call.code).toBe(3);
    expect(call.stderr).toContain(
      "tikhub: authentication failed (HTTP 401) (A valid username/password is required.): check TIKHUB_USERNAME and TIKHUB_PASSWORD",
    );
    expect(call.stderr).toContain("AuthenticationError"); // --debug prints the stack
    const basic = Buffer.from(`demo:${secret}`).toString("base64");
    for (const text of [call.stdout, call.stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(basic);
    }
    const out = file("unauthorized.jsonl");
    const exported = await run(exportArgs(out), { env });
    expect(exported.code).toBe(3);
    expect(lines(exported.stderr).filter((l) => l.startsWith("tikhub:"))).toHaveLength(1);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(true);
  });

  it("a 404 exits 1 and a 403 exits 3, each naming the path and the server's explanation", async () => {
    const missing = await run(["live", "get-info", "--room-id", "1", "--user-id", "2", "--base-url", server.url]);
    expect(missing.stderr).toBe("tikhub: not found: GET /live/info answered HTTP 404: Not found\n");
    expect(missing.code).toBe(1);
    server.failOnce(FOLLOWERS, 0, "forbidden");
    const denied = await run(["user", "get-followers", "--user-id", USER_ID, "--base-url", server.url]);
    expect(denied.stderr).toBe(
      "tikhub: permission denied: GET /user/followers answered HTTP 403: Your plan does not include this endpoint. (your API key may not use this endpoint)\n",
    );
    expect(denied.code).toBe(3);
  });

  it("a plain call prints the page as compact JSON with 64-bit ids exact", async () => {
    const result = await run(["user", "get-followers", "--user-id", USER_ID, "--base-url", server.url]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toHaveLength(1);
    expect(result.stdout).toContain(`"uid":"${server.uid(0, 0)}"`);
    const data = JSON.parse(result.stdout);
    expect(data.followers).toHaveLength(PAGE_SIZE);
    expect(data.followers[19].uid).toBe(server.uid(0, 19));
    expect(data.has_more).toBe(true);
  });
});

describe("what an export reports", () => {
  it("a re-run of a finished export reports what the checkpoint holds, not the new --max-pages", async () => {
    const out = file("capped.jsonl");
    expect((await run(exportArgs(out, ["--max-pages", "3"]))).code).toBe(0);
    server.requests.length = 0;
    const smaller = await run(exportArgs(out, ["--max-pages", "2"]));
    expect(smaller.code).toBe(0);
    expect(smaller.stderr).toBe(
      `export: ${out} is already finished: it holds 3 pages, 60 items (an earlier run stopped at its --max-pages); nothing fetched — a --max-pages above 3 continues, --force starts over\n`,
    );
    expect(server.requests).toHaveLength(0);

    const stopped = file("stopped.jsonl");
    server.failOnce(FOLLOWERS, 2, "rate-limit");
    expect((await run(exportArgs(stopped))).code).toBe(4);
    const enough = await run(exportArgs(stopped, ["--max-pages", "2"]));
    expect(enough.code).toBe(0);
    expect(enough.stderr).toContain(`export: ${stopped} already holds 2 pages, 40 items, no fewer than --max-pages 2; nothing fetched`);
  });

  it("after a failed checkpoint write it reports only the pages the checkpoint holds; the next run drops the unrecorded page", async () => {
    const out = file("checkpoint-fails.jsonl");
    // Page 3 hangs until the attempt times out; meanwhile a directory takes the checkpoint's temporary
    // path, so the write after the retried page 3 fails.
    server.failOnce(FOLLOWERS, 2, "hang");
    const first = await run(exportArgs(out, ["--timeout-ms", "3000"]), {
      onSpawn: () => void server.waitForRequest(FOLLOWERS, 2).then(() => mkdirSync(`${out}.checkpoint.json.tmp`)),
    });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(
      `tikhub: cannot write the checkpoint's temporary file ${out}.checkpoint.json.tmp: it is a directory, not a file (EISDIR); 2 pages (40 items) saved in ${out}; re-run the same command to resume\n`,
    );
    expect(lines(readFileSync(out, "utf8"))).toHaveLength(60); // page 3 reached the file, not the checkpoint
    expect(JSON.parse(readFileSync(`${out}.checkpoint.json`, "utf8"))).toMatchObject({ pagesDone: 2, itemsDone: 40 });

    rmSync(`${out}.checkpoint.json.tmp`, { recursive: true });
    const second = await run(exportArgs(out));
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/after page 2 \(40 items saved\), dropped \d+ bytes of an unfinished page/);
    expect(readFileSync(out, "utf8")).toBe(reference);
  });

  const fileCases: [string, (out: string) => void, (out: string) => string][] = [
    ["--out is a directory", (out) => mkdirSync(out), (out) => `tikhub: cannot write the output file ${out}: it is a directory, not a file (EISDIR)\n`],
    [
      "the checkpoint path is a directory",
      (out) => mkdirSync(`${out}.checkpoint.json`),
      (out) => `tikhub: cannot read the checkpoint ${out}.checkpoint.json: it is a directory, not a file (EISDIR)\n`,
    ],
  ];
  for (const [name, prepare, message] of fileCases) {
    it(`${name}: one worded line naming the path, exit 1, no request`, async () => {
      const out = file(name.replace(/\W+/g, "-"));
      prepare(out);
      const result = await run(exportArgs(out));
      expect(result.stderr).toBe(message(out));
      expect(result.code).toBe(1);
      expect(server.requests).toHaveLength(0);
    });
  }

  it("--out in a missing directory, or under a file: the path and what is wrong with it", async () => {
    const missing = join(dir, "no-such-dir", "out.jsonl");
    const result = await run(exportArgs(missing));
    expect(result.stderr).toBe(
      `tikhub: cannot write the checkpoint ${missing}.checkpoint.json: its directory ${join(dir, "no-such-dir")} does not exist (ENOENT)\n`,
    );
    expect(result.code).toBe(1);
    writeFileSync(file("a-file"), "");
    const underFile = join(dir, "a-file", "out.jsonl");
    const notDir = await run(exportArgs(underFile));
    expect(notDir.stderr).toBe(`tikhub: cannot read the checkpoint ${underFile}.checkpoint.json: part of the path is a file, not a directory (ENOTDIR)\n`);
    expect(server.requests).toHaveLength(0);
  });

  it.skipIf(!existsSync("/dev/full"))("a full disk (--out links to /dev/full): ENOSPC in words, nothing counted as saved", async () => {
    const out = file("full.jsonl");
    symlinkSync("/dev/full", out);
    const result = await run(exportArgs(out));
    expect(result.stderr).toContain(
      `tikhub: cannot write to the output file ${out}: the disk is full (ENOSPC); 0 pages (0 items) saved in ${out}; re-run the same command to resume\n`,
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(readFileSync(`${out}.checkpoint.json`, "utf8"))).toMatchObject({ pagesDone: 0, itemsDone: 0, bytes: 0 });
  });

  it("progress on a terminal: a list of unknown size is a counter with its rates, never a bar (--max-pages 100000 is a cap, not a total)", async () => {
    let stderr = "";
    const io = {
      stdout: { write: () => true },
      stderr: { isTTY: true, write: (text: string) => (stderr += text) },
      env: { TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo" },
    };
    const out = file("progress-trending.jsonl");
    const code = await main(["export", "video", "get-trending", "--region", "US", "--out", out, "--base-url", server.url, "--max-pages", "100000"], io);
    expect(code).toBe(0);
    expect(stderr.replaceAll("\x1b", "ESC")).toMatch(/\rESC\[K5 pages \(stops at 100,000\) · 100 items · [\d,.]+ pages\/s · [\d,]+ items\/s\n/);
    expect(stderr).not.toMatch(/[█░]|of 100,000/);
    expect(stderr).toContain(`export: finished: 5 pages, 100 items in ${out}`);
  });

  it("progress on a terminal: a list whose pages give its size (x-pagination.totalField) draws a bar against that size, not --max-pages", async () => {
    let stderr = "";
    const io = {
      stdout: { write: () => true },
      stderr: { isTTY: true, write: (text: string) => (stderr += text) },
      env: { TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo" },
    };
    const code = await main(exportArgs(file("progress.jsonl"), ["--max-pages", "100000"]), io);
    expect(code).toBe(0);
    expect(stderr.replaceAll("\x1b", "ESC")).toMatch(
      /\rESC\[K5 pages \(stops at 100,000\) · \[█{20}\] 100 of 100 items \(100\.0%\) · [\d,.]+ pages\/s · [\d,]+ items\/s\n/,
    );
    expect(stderr).not.toMatch(/of 100,000/);
    expect(stderr).toContain(`export: finished: 5 pages, 100 items in ${file("progress.jsonl")}`);
  });
});
