// The built CLI against the real mock (Prism over the spec, port 0): calls, help at three levels,
// bad input with its exit codes, exports. Expected values come from the spec's own examples.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMock, startMock } from "@tikhubapi/mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main, OWN_FLAGS, SECTIONS } from "../dist/index.js";
import { runInProcess } from "./helpers/in-process.js";
import { killChildren, run } from "./helpers/run.js";
import { deref, type Json, kebab, spec } from "./helpers/spec-oracle.js";

let mock: RunningMock;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ port: 0, readyTimeoutMs: 90_000 });
  dir = mkdtempSync(join(tmpdir(), "tikhub-cli-"));
});
afterEach(killChildren);
afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The spec's operations, with the CLI names the issue asks for (computed here independently of the generator). */
const operations = Object.entries(spec.paths as Json).map(([path, item]) => {
  const op = item.get as Json;
  const section = (op.tags[0] as string).toLowerCase();
  const method = kebab(op.operationId.slice(section.length));
  const params = ((op.parameters ?? []) as Json[]).map(deref);
  const example = deref(Object.values(op.responses["200"].content["application/json"].examples as Json)[0] as Json).value;
  return { path, op, section, method, params, example, paged: Boolean(op["x-pagination"]) };
});
const exampleArgs = (o: (typeof operations)[number], all = false) =>
  o.params.filter((p) => all || p.required).flatMap((p) => [`--${kebab(p.name)}`, String(p.example)]);

describe("calls against the mock", () => {
  it("live get-info prints the data of the example as compact JSON (stdout is not a terminal)", async () => {
    const result = await run(["live", "get-info", "--room-id", "7531095702089370381", "--user-id", "6796815426174960646", "--base-url", mock.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith("}\n")).toBe(true);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const example = operations.find((o) => o.op.operationId === "liveGetInfo")!.example;
    expect(JSON.parse(result.stdout)).toEqual(example.data);
  });

  it("--json keeps the output compact; key get-info takes no parameters", async () => {
    const result = await run(["key", "get-info", "--json", "--base-url", mock.url]);
    expect(result.code).toBe(0);
    const example = operations.find((o) => o.op.operationId === "keyGetInfo")!.example;
    expect(result.stdout).toBe(`${JSON.stringify(example.data)}\n`);
  });

  it("every operation of the spec is a command that returns its example (all parameters given)", async () => {
    // In-process through the built dist's main() (the same code the bin runs) to keep the suite fast;
    // the calls above and below go through the bin in child processes.
    expect(operations).toHaveLength(50);
    const failures: string[] = [];
    const queue = [...operations];
    const env = { TIKHUB_USERNAME: "demo", TIKHUB_PASSWORD: "demo" };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let o = queue.shift(); o; o = queue.shift()) {
          let stdout = "";
          let stderr = "";
          const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env };
          const code = await main([o.section, o.method, ...exampleArgs(o, true), "--base-url", mock.url], io);
          if (code !== 0) failures.push(`${o.section} ${o.method}: exit ${code} ${stderr}`);
          else if (stdout !== `${JSON.stringify(o.example.data)}\n`) failures.push(`${o.section} ${o.method}: output differs from the example`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });
});

describe("help", () => {
  it("tikhub --help lists the sections", async () => {
    const result = await run(["--help"], { env: { TIKHUB_USERNAME: undefined, TIKHUB_PASSWORD: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage");
    for (const tag of spec.tags as Json[]) {
      const count = operations.filter((o) => o.section === tag.name.toLowerCase()).length;
      expect(result.stdout).toMatch(new RegExp(`\\n  ${tag.name.toLowerCase()} +${count} methods? +${tag.description.replace(/[.()]/g, "\\$&")}\\n`));
    }
    expect(result.stdout).toContain("TIKHUB_USERNAME");
    expect((await run([])).stdout).toBe(result.stdout);
  });

  it("tikhub <section> --help lists its operations with their summaries", async () => {
    const result = await run(["user", "--help"]);
    expect(result.code).toBe(0);
    const user = operations.filter((o) => o.section === "user");
    expect(user.length).toBeGreaterThan(5);
    for (const o of user) expect(result.stdout).toMatch(new RegExp(`\\n  ${o.method} +${o.op.summary}${o.paged ? "  \\[paged\\]" : ""}\\n`));
    expect(result.stdout).not.toContain("get-trending"); // a video method
  });

  it("tikhub <section> <method> --help lists its parameters: required/optional, type, example", async () => {
    const result = await run(["search", "videos", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("tikhub search videos — Search video");
    expect(result.stdout).toMatch(/\n {2}--keyword <string> +required +Search term\.\n +example: --keyword skincare\n/);
    expect(result.stdout).toMatch(/\n {2}--region <string> +required /);
    expect(result.stdout).toMatch(/\n {2}--sort-type <integer> +optional +Order: 0 relevance, 1 most liked\.\n +one of: 0, 1\n +example: --sort-type 0\n/);
    expect(result.stdout).toContain("tikhub export search videos");
    expect(result.stdout).toContain("client.search.videos()");
    const live = await run(["live", "get-info", "-h"]);
    expect(live.stdout).toMatch(/--room-id <string> +required/);
    expect(live.stdout).toContain("tikhub live get-info --room-id 7531095702089370381 --user-id 6796815426174960646");
    expect(live.stdout).not.toContain("tikhub export");
  });

  it("tikhub export --help names the paged methods", async () => {
    const result = await run(["export", "--help"]);
    expect(result.code).toBe(0);
    for (const o of operations.filter((x) => x.paged)) expect(result.stdout).toContain(o.method);
    expect(result.stdout).toContain("checkpoint");
  });
});

describe("commands from the operation model", () => {
  it("no parameter of any operation takes a flag of the CLI's own, and no section is named export or help", () => {
    const flags = SECTIONS.flatMap((s) => s.operations.flatMap((o) => o.params.map((p) => `${s.name} ${o.cliCommand} --${p.flag}`)));
    expect(flags.length).toBeGreaterThan(50);
    expect(flags.filter((f) => OWN_FLAGS.has(f.split(" --")[1]))).toEqual([]);
    expect(SECTIONS.map((s) => s.name)).not.toContain("export");
    expect(SECTIONS.map((s) => s.name)).not.toContain("help");
    expect(SECTIONS.map((s) => s.name)).toEqual(operations.map((o) => o.section).filter((s, i, all) => all.indexOf(s) === i));
  });

  it("every constrained parameter: a value the spec refuses is a usage error naming the flag, before any request", async () => {
    let checked = 0;
    for (const o of operations) {
      const required = exampleArgs(o);
      for (const p of o.params) {
        const schema = deref(p.schema);
        const bad = [
          schema.type === "integer" && "1.5",
          schema.enum && schema.type === "string" && "not-one-of-them",
          schema.pattern && "not digits!",
          typeof schema.minimum === "number" && String(schema.minimum - 1),
          typeof schema.maximum === "number" && String(schema.maximum + 1),
        ].filter((v): v is string => typeof v === "string");
        for (const value of bad) {
          const args = [o.section, o.method, ...required.filter((_, i, all) => all[i - (i % 2)] !== `--${kebab(p.name)}`), `--${kebab(p.name)}=${value}`];
          const result = await runInProcess([...args, "--base-url", "http://127.0.0.1:9"]);
          expect(result.stderr, `${args.join(" ")}`).toMatch(new RegExp(`^tikhub: --${kebab(p.name)} must [^\\n]+\\n$`));
          expect(result.code).toBe(2);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("bad input", () => {
  const cases: [string, string[], number, RegExp, Record<string, string | undefined>?][] = [
    ["unknown section", ["lve", "get-info"], 2, /^tikhub: unknown section "lve"; did you mean live\? \(sections: user, video, live, shop, search, key\)\n$/],
    [
      "unknown method",
      ["live", "get-infos", "--room-id", "1"],
      2,
      /^tikhub: unknown method "get-infos" in live; did you mean get-info\? \(see tikhub live --help\)\n$/,
    ],
    ["the client's camelCase name", ["live", "getInfo"], 2, /did you mean get-info\? \(methods are kebab-case\)/],
    ["a method of another section", ["user", "get-trending"], 2, /did you mean tikhub video get-trending\?/],
    [
      "missing required parameter",
      ["live", "get-info", "--room-id", "7531095702089370381"],
      2,
      /^tikhub: live get-info: missing required parameter --user-id <string> \(e\.g\. 6796815426174960646\)/,
    ],
    ["badly typed integer", ["search", "users", "--keyword", "k", "--region", "US", "--offset", "abc"], 2, /^tikhub: --offset must be an integer, got "abc"/],
    ["value outside the enum", ["video", "get-trending", "--period", "14"], 2, /^tikhub: --period must be one of 7, 30, got "14"\n$/],
    ["non-digit id", ["video", "get-info", "--video-id", "abc"], 2, /^tikhub: --video-id must be digits only, got "abc"/],
    ["unknown flag", ["live", "get-info", "--room", "1"], 2, /unknown option --room; did you mean --room-id\?/],
    ["flag of another method", ["live", "get-info", "--room-id", "1", "--user-id", "2", "--keyword", "x"], 2, /^tikhub: live get-info has no option --keyword/],
    [
      "--password flag",
      ["live", "get-info", "--room-id", "1", "--user-id", "2", "--password", "hunter2"],
      2,
      /^tikhub: --password is not accepted: credentials come from the TIKHUB_USERNAME and TIKHUB_PASSWORD environment variables only/,
    ],
    ["--username=… flag", ["key", "get-info", "--username=me"], 2, /^tikhub: --username is not accepted/],
    [
      "export of a non-paged method",
      ["export", "live", "get-info", "--room-id", "1", "--user-id", "2", "--out", "x.jsonl"],
      2,
      /^tikhub: export needs a paged method; live get-info is not paged\. Paged methods: user get-videos, .*search products\n$/,
    ],
    ["export without --out", ["export", "user", "get-followers", "--user-id", "1"], 2, /^tikhub: export needs --out FILE\.jsonl/],
    [
      "no credentials",
      ["live", "get-info", "--room-id", "1", "--user-id", "2"],
      3,
      /^tikhub: missing credentials: set TIKHUB_USERNAME and TIKHUB_PASSWORD in the environment/,
      { TIKHUB_USERNAME: undefined, TIKHUB_PASSWORD: undefined },
    ],
    ["only the username", ["key", "get-info"], 3, /^tikhub: missing credentials: set TIKHUB_PASSWORD in the environment/, { TIKHUB_PASSWORD: undefined }],
    ["a base URL that is not http(s)", ["key", "get-info", "--base-url", "ftp://x"], 2, /^tikhub: --base-url must be an http\(s\) URL/],
  ];
  for (const [name, args, code, message, env] of cases) {
    it(`${name} → exit ${code}`, async () => {
      const result = await run(args.includes("--base-url") ? args : [...args, "--base-url", mock.url], { env });
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1); // one line, no stack trace
      expect(result.stderr).not.toContain("hunter2");
    });
  }

  it("Prefer: code=429 asks the mock for its documented rate limit (exit 4, with the Retry-After)", async () => {
    const result = await run(["key", "get-info", "--base-url", mock.url, "--header", "Prefer: code=429", "--max-retries", "0"]);
    expect(result.stderr).toMatch(/^tikhub: rate-limited \(HTTP 429\)[^\n]*API Key Rate-Limit reached\.[^\n]*retry after 30 s\n$/);
    expect(result.code).toBe(4);
  });

  it("Prefer: code=401 gets the documented 401 (exit 3)", async () => {
    const result = await run(["key", "get-info", "--base-url", mock.url, "--header", "Prefer: code=401"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^tikhub: authentication failed \(HTTP 401\)/);
  });

  it("a connection failure exits 1 naming the URL; --debug adds the stack", async () => {
    const result = await run(["key", "get-info", "--base-url", "http://127.0.0.1:9", "--debug"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^debug: client\.key\.getInfo\(\{\}\) → GET http:\/\/127\.0\.0\.1:9\/api\/info\ntikhub: cannot reach http:\/\/127\.0\.0\.1:9: /,
    );
    expect(result.stderr).toContain("ConnectionError: GET /api/info could not connect");
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
