// The replay cache keeps nothing that depended on who asked: on ONE URL, a bad credential, then good
// ones (a password with ':' included, as RFC 7617 allows), then none, then bad and good again:
// each request gets its own verdict, whatever was answered (and cached) before it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningMock, startMock } from "../src/index.js";

const LIVE = "/live/info?room_id=7531095702089370381&user_id=6796815426174960646";
const basic = (userPass: string) => `Basic ${btoa(userPass)}`;
const SEQUENCE: Array<[label: string, authorization: string | undefined, status: number]> = [
  ["no colon", basic("demo"), 401],
  ["a password with colons", basic("demo:a:b"), 200],
  ["demo:demo", basic("demo:demo"), 200],
  ["none", undefined, 401],
  ["Bearer", "Bearer demo", 401],
  ["a password with colons again", basic("demo:a:b"), 200],
  ["empty user and password", basic(":"), 401],
];

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

it("bad, good, none, bad, good on one URL: each credential gets its own answer, and only the credential-free answer is replayed", async () => {
  const seen: Array<[string, number, string | null]> = [];
  let okBody: string | undefined;
  for (const [label, authorization, expected] of SEQUENCE) {
    const response = await fetch(`${mock.url}${LIVE}`, { headers: authorization === undefined ? {} : { authorization } });
    const body = await response.json();
    seen.push([label, response.status, response.headers.get("x-tikhub-mock-cache")]);
    expect(response.status, label).toBe(expected);
    if (expected === 401) expect(body, label).toEqual({ code: 401, msg: "A valid username/password is required.", data: null });
    else {
      expect(body.code, label).toBe(0);
      okBody ??= JSON.stringify(body);
      expect(JSON.stringify(body), label).toBe(okBody);
    }
  }
  // The core answers every 401 itself (never cached); Prism's 200 is fetched once and replayed.
  expect(seen.map(([, , cache]) => cache)).toEqual([null, "miss", "hit", null, null, "hit", null]);
});
