// How the CLI reaches the API: TIKHUB_BASE_URL and --base-url, --header, --timeout-ms, --max-retries;
// that it exits as soon as it has printed its error; and that no password ever reaches its output.
// Real servers on 127.0.0.1 (port 0); the built bin runs as a child process. (The mock's documented
// errors asked for with --header are in cli.test.ts, which has the mock running.)
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInProcess } from "./helpers/in-process.js";
import { type PagedServer, startPagedServer } from "./helpers/paged-server.js";
import { killChildren, type Result, run } from "./helpers/run.js";

const USER_ID = "6804496986206749701";
const FOLLOWERS = "/user/followers";
const followers = (extra: string[] = []) => ["user", "get-followers", "--user-id", USER_ID, ...extra];

let server: PagedServer;
let other: PagedServer;

beforeEach(async () => {
  [server, other] = await Promise.all([startPagedServer({ pages: 2, pageSize: 3 }), startPagedServer({ pages: 2, pageSize: 3 })]);
});
afterEach(async () => {
  killChildren();
  await Promise.all([server.close(), other.close()]);
});

const oneLineError = (result: Result, code: number, message: RegExp, debug = false) => {
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  // One line; with --debug, the stack trace follows it.
  if (debug) expect(result.stderr.split("\n")[1]).toMatch(/^\w*Error: /);
  else expect(result.stderr.trim().split("\n")).toHaveLength(1);
};

describe("base URL", () => {
  it("TIKHUB_BASE_URL is used when there is no --base-url", async () => {
    const result = await run(followers(), { env: { TIKHUB_BASE_URL: `${server.url}/` } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).followers).toHaveLength(3);
    expect(server.requests.map((r) => r.path)).toEqual([FOLLOWERS]);
  });

  it("--base-url wins over TIKHUB_BASE_URL", async () => {
    const result = await run(followers(["--base-url", other.url]), { env: { TIKHUB_BASE_URL: server.url } });
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(other.requests).toHaveLength(1);
  });

  it("a bad TIKHUB_BASE_URL is a usage error naming the variable", async () => {
    oneLineError(
      await runInProcess(followers(), { TIKHUB_BASE_URL: "localhost:4010" }),
      2,
      /^tikhub: TIKHUB_BASE_URL must be an http\(s\) URL such as http:\/\/127\.0\.0\.1:4010, got "localhost:4010"\n$/,
    );
  });
});

describe("--header", () => {
  it("sends each header, repeatable; a repeated name is joined as HTTP does", async () => {
    const result = await run(
      followers(["--base-url", server.url, "--header", "X-Trace: abc 123", "--header=x-trace:def", "--header", "Accept-Language:  en-US "]),
    );
    expect(result.code).toBe(0);
    const [request] = server.requests;
    expect(request.headers["x-trace"]).toBe("abc 123, def");
    expect(request.headers["accept-language"]).toBe("en-US");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("demo:demo").toString("base64")}`);
  });

  const bad: [string, string, RegExp][] = [
    ["no colon", "Prefer code=429", /^tikhub: --header "Prefer code=429" has no colon: write it as --header 'Name: value'/],
    ["a space in the name", "X Trace: 1", /^tikhub: --header "X Trace: 1": "X Trace" is not a valid header name/],
    ["an empty name", ": value", /^tikhub: --header ": value": "" is not a valid header name/],
    ["a line break in the value", "X-Trace: a\r\nX-Evil: 1", /^tikhub: --header X-Trace: the value has a line break or control character\n$/],
    [
      "a name the HTTP client manages",
      "Transfer-Encoding: chunked",
      /^tikhub: --header Transfer-Encoding: this header is managed by the HTTP client and cannot be set\n$/,
    ],
  ];
  for (const [name, header, message] of bad) {
    it(`a header with ${name} is a usage error naming it (exit 2), nothing sent`, async () => {
      oneLineError(await runInProcess(followers(["--base-url", server.url, "--header", header])), 2, message);
      expect(server.requests).toHaveLength(0);
    });
  }

  for (const header of [
    "Authorization: Basic Ym9iOmh1bnRlcjI=",
    "authorization:Bearer hunter2-token",
    "Proxy-Authorization: Basic Ym9iOmh1bnRlcjI=",
    "Authorization Basic Ym9iOmh1bnRlcjI=",
  ]) {
    it(`refuses ${header.split(/[: ]/)[0]} without echoing its value (exit 2)`, async () => {
      const result = await runInProcess(followers(["--base-url", server.url, "--header", header, "--debug"]));
      oneLineError(
        result,
        2,
        /^tikhub: --header (Proxy-)?[Aa]uthorization is not accepted: credentials come from the TIKHUB_USERNAME and TIKHUB_PASSWORD environment variables only/,
        true,
      );
      for (const secret of ["Ym9iOmh1bnRlcjI=", "hunter2", "Basic", "Bearer"]) expect(result.stderr).not.toContain(secret);
      expect(server.requests).toHaveLength(0);
    });
  }
});

describe("--timeout-ms, --max-retries, and exiting", () => {
  it("tikhub live get-info against a server that never answers: the timeout error, then the process exits at once", async () => {
    const hanging = await startHangingServer();
    try {
      const result = await run(["live", "get-info", "--room-id", "1", "--user-id", "2", "--base-url", hanging.url, "--timeout-ms", "200"]);
      oneLineError(result, 1, /^tikhub: http:\/\/127\.0\.0\.1:\d+ did not answer in time: /);
      expect(hanging.requests()).toBe(3); // the first attempt and the client's 2 retries
      // The bound: the process is gone within about a second of printing, although the
      // server still holds every request open.
      expect(result.exitMs - result.firstStderrMs!).toBeLessThan(1000);
    } finally {
      await hanging.close();
    }
  });

  it("--timeout-ms and --max-retries are checked (exit 2)", async () => {
    for (const value of ["0", "-5", "1.5", "2147483648", "abc", ""]) {
      oneLineError(
        await runInProcess(followers(["--base-url", server.url, `--timeout-ms=${value}`])),
        2,
        /^tikhub: --timeout-ms must be a whole number of milliseconds from 1 to 2147483647, got /,
      );
    }
    oneLineError(
      await runInProcess(followers(["--base-url", server.url, "--max-retries", "1.5"])),
      2,
      /^tikhub: --max-retries must be a whole number ≥ 0, got "1\.5"\n$/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("--timeout-ms none turns the time limit off (the client's timeoutMs: false)", async () => {
    const result = await runInProcess(followers(["--base-url", server.url, "--timeout-ms", "none", "--json"]));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).followers).toHaveLength(3);
    // Anything else that is not a number of milliseconds is still refused, and the message says how to turn it off.
    oneLineError(
      await runInProcess(followers(["--base-url", server.url, "--timeout-ms", "off"])),
      2,
      /^tikhub: --timeout-ms must be a whole number of milliseconds from 1 to 2147483647, got "off" \(--timeout-ms none: no time limit\)\n$/,
    );
  });

  it("--max-retries 2 retries a dropped connection twice", async () => {
    server.failOnce(FOLLOWERS, 0, "destroy");
    server.failOnce(FOLLOWERS, 0, "destroy");
    const result = await run(followers(["--base-url", server.url, "--max-retries", "2"]));
    expect(result.code).toBe(0);
    expect(server.requests).toHaveLength(3);
  });
});

/** Accepts requests and never answers them. */
async function startHangingServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const hanging = createServer(() => void count++);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`,
    requests: () => count,
    close: async () => {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    },
  };
}

/** Answers 401 with the request's Authorization value and the password it decodes to in `msg` and a header. */
async function startEchoServer(): Promise<{ url: string; server: Server }> {
  const echo = createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    const decoded = Buffer.from(auth.replace(/^Basic /, ""), "base64").toString("utf8");
    const body = JSON.stringify({ code: 401, msg: `bad credentials ${auth} (${decoded})`, data: null });
    res.writeHead(401, { "content-type": "application/json", "x-echo": auth }).end(body);
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`, server: echo };
}

describe("secrets never show", () => {
  const password = "Pa55:w@rd/secret";
  const basic = Buffer.from(`bob:${password}`).toString("base64");
  const forms = [password, encodeURIComponent(password), basic, "Pa55"];
  const expectNoSecret = (result: Result) => {
    for (const form of forms) {
      expect(result.stdout).not.toContain(form);
      expect(result.stderr).not.toContain(form);
    }
  };

  it("a base URL with a password (flag or TIKHUB_BASE_URL) is refused without showing it, even with --debug", async () => {
    const withUserInfo = `http://bob:${encodeURIComponent(password)}@127.0.0.1:${new URL(server.url).port}`;
    const flag = await run(followers(["--base-url", withUserInfo, "--debug"]));
    oneLineError(
      flag,
      2,
      /^tikhub: --base-url must not contain a user name or password \(http:\/\/\*\*\*@127\.0\.0\.1:\d+\): credentials come from the TIKHUB_USERNAME and TIKHUB_PASSWORD environment variables only\n/,
      true,
    );
    expectNoSecret(flag);
    const fromEnv = await run(followers(["--debug"]), { env: { TIKHUB_BASE_URL: withUserInfo } });
    oneLineError(fromEnv, 2, /^tikhub: TIKHUB_BASE_URL must not contain a user name or password/, true);
    expectNoSecret(fromEnv);
    // Not even a URL too broken to parse is echoed with its user info.
    const broken = await run(followers(["--base-url", `bob:${password}@127.0.0.1:1`]));
    oneLineError(broken, 2, /^tikhub: --base-url must be an http\(s\) URL such as http:\/\/127\.0\.0\.1:4010, got "\*\*\*@127\.0\.0\.1:1"\n$/);
    expectNoSecret(broken);
    expect(server.requests).toHaveLength(0);
  });

  it("the password from the environment never shows, even when the server echoes it back (call and export, --debug)", async () => {
    const echo = await startEchoServer();
    const dir = mkdtempSync(join(tmpdir(), "tikhub-cli-echo-"));
    try {
      const env = { TIKHUB_USERNAME: "bob", TIKHUB_PASSWORD: password };
      const call = await run(followers(["--base-url", echo.url, "--debug"]), { env });
      expect(call.code).toBe(3);
      expect(call.stderr).toContain("tikhub: authentication failed (HTTP 401)");
      expect(call.stderr).toContain("AuthenticationError"); // the --debug stack is there, redacted
      expectNoSecret(call);
      const exported = await run(["export", ...followers(["--base-url", echo.url, "--out", join(dir, "echo.jsonl"), "--debug"])], { env });
      expect(exported.code).toBe(3);
      expect(exported.stderr).toContain("0 pages (0 items) saved");
      expectNoSecret(exported);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      echo.server.closeAllConnections();
      await new Promise((resolve) => echo.server.close(resolve));
    }
  });
});
