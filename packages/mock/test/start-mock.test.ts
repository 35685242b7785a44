import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockStartError, PortInUseError, type RunningMock, startMock } from "../src/index.js";
import { childPids } from "./process-helpers.js";

const AUTH = { authorization: `Basic ${Buffer.from("demo:demo").toString("base64")}` };
const LIVE = "/live/info?room_id=7531095702089370381&user_id=6796815426174960646";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

describe("startMock", () => {
  it("picks a free port for port 0 and serves the documentation example at the root", async () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const response = await fetch(`${mock.url}${LIVE}`, { headers: AUTH });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ code: 0, msg: "success" });
    expect(body.data.data.age_restricted).toEqual({ AgeInterval: 4, restricted: false, source: 1 });
    expect(body.data.data.aggregation_data.Audience.avatar_thumb.uri).toBe("100x100/musically-maliva-obj/1594805258216454");
  });

  it("answers 401 without Authorization, with the documented body", async () => {
    const response = await fetch(`${mock.url}${LIVE}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, msg: "A valid username/password is required.", data: null });
  });

  it("answers the documented 400 when a required parameter is missing", async () => {
    const response = await fetch(`${mock.url}/live/info?user_id=6796815426174960646`, { headers: AUTH });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 400, data: null });
  });

  it.each([400, 401, 428, 429, 500])("Prefer: code=%i selects that documented error", async (status) => {
    const response = await fetch(`${mock.url}${LIVE}`, { headers: { ...AUTH, prefer: `code=${status}` } });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code: status, data: null });
    if (status === 429) expect(response.headers.get("retry-after")).toBe("30");
  });

  it("replays Prism's answer to a repeated request, keyed by URL and Prefer; credentials are checked first", async () => {
    const url = `${mock.url}/video/info?video_id=7560175324038728973`;
    const first = await fetch(url, { headers: AUTH });
    const second = await fetch(url, { headers: AUTH });
    expect([first.headers.get("x-tikhub-mock-cache"), second.headers.get("x-tikhub-mock-cache")]).toEqual(["miss", "hit"]);
    expect(second.status).toBe(first.status);
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(await second.text()).toBe(await first.text());
    const limited = await fetch(url, { headers: { ...AUTH, prefer: "code=429" } });
    expect([limited.status, limited.headers.get("x-tikhub-mock-cache"), limited.headers.get("retry-after")]).toEqual([429, "miss", "30"]);
    const anonymous = await fetch(url);
    expect([anonymous.status, anonymous.headers.get("x-tikhub-mock-cache")]).toEqual([401, null]);
  });

  it("__code= in the query selects a documented error too (for callers that cannot set headers)", async () => {
    const response = await fetch(`${mock.url}${LIVE}&__code=429`, { headers: AUTH });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ code: 429, msg: "API Key Rate-Limit reached.", data: null });
  });

  it("a paged list walks its pages by the cursor each page returns, then ends", async () => {
    const seen: string[] = [];
    let cursor: number | undefined;
    for (let page = 1; ; page++) {
      const response = await fetch(`${mock.url}/user/followers?user_id=6804496986206749701${cursor === undefined ? "" : `&offset=${cursor}`}`, {
        headers: AUTH,
      });
      expect(response.status).toBe(200);
      const { data } = await response.json();
      seen.push(...data.followers.map((f: { uid: string }) => f.uid));
      if (!data.has_more) break;
      expect(page).toBeLessThan(10);
      cursor = data.min_time;
    }
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(new Set(seen).size).toBe(seen.length);
    const unknown = await (await fetch(`${mock.url}/user/followers?user_id=1&offset=12345`, { headers: AUTH })).json();
    expect(unknown.data.has_more).toBe(false);
  });

  it("answers CORS preflights itself", async () => {
    const preflight = await fetch(`${mock.url}/api/info`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("x-tikhub-mock-cache")).toBeNull();
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("refuses a port in use with PortInUseError", async () => {
    await expect(startMock({ port: mock.port })).rejects.toBeInstanceOf(PortInUseError);
  });

  it("validates its options", async () => {
    await expect(startMock({ port: 70000 })).rejects.toBeInstanceOf(MockStartError);
    await expect(startMock({ proxy: "not a url" })).rejects.toBeInstanceOf(MockStartError);
  });

  it("dynamic mode answers schema-shaped data", async () => {
    const dynamic = await startMock({ port: 0, dynamic: true });
    try {
      const response = await fetch(`${dynamic.url}/api/info`, { headers: AUTH });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-tikhub-mock-cache")).toBeNull();
      const body = await response.json();
      expect(typeof body.code).toBe("number");
      expect(typeof body.msg).toBe("string");
    } finally {
      await dynamic.close();
    }
  });

  it("runs Prism in this process: no child process; close() frees the port", async () => {
    const extra = await startMock({ port: 0 });
    expect(extra.pid).toBe(process.pid);
    expect(await childPids(process.pid)).toEqual([]);
    expect((await fetch(`${extra.url}/api/info`, { headers: AUTH })).status).toBe(200);
    await extra.close();
    await expect(fetch(`${extra.url}/api/info`, { headers: AUTH })).rejects.toThrow();
  });
});
