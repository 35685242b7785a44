import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTikHubClient, type PageState } from "../src/index.js";
import { type LoopbackServer, ok, startLoopbackServer } from "./loopback-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const client = () => createTikHubClient({ username: "u", password: "p", baseUrl: server.url, maxRetries: 0 });

/** Followers pages keyed by the offset they answer: offset ← min_time, has_more, followers. */
function followerPages(pages: Array<{ has_more: unknown; min_time?: unknown; ids: string[] }>) {
  return (request: { url: URL }) => {
    const offset = request.url.searchParams.get("offset") ?? "0";
    const index = offset === "0" ? 0 : pages.findIndex((_, i) => String(pages[i - 1]?.min_time) === offset);
    const page = pages[index];
    if (!page) return { status: 400, body: { code: 400, msg: `unexpected offset ${offset}`, data: null } };
    return ok({ followers: page.ids.map((uid) => ({ uid })), has_more: page.has_more, min_time: page.min_time, total: 7 });
  };
}

describe("pagination", () => {
  it("iterate walks three pages of a cursor list, feeding each cursor back as a query value", async () => {
    server.answer(
      followerPages([
        { has_more: 1, min_time: 1735680000, ids: ["1", "2", "3"] },
        { has_more: true, min_time: "1735670000", ids: ["4", "5"] },
        { has_more: 0, min_time: 1735660000, ids: ["6", "7"] },
      ]),
    );
    const uids: string[] = [];
    for await (const follower of client().user.getFollowers.iterate({ user_id: "6804496986206749701" })) uids.push(follower.uid!);
    expect(uids).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(server.requests.map((r) => r.url.searchParams.get("offset"))).toEqual([null, "1735680000", "1735670000"]);
    expect(server.requests.every((r) => r.url.searchParams.get("user_id") === "6804496986206749701")).toBe(true);
  });

  it("pages yields each page's data and maxPages: N means at most N requests", async () => {
    server.answer(
      followerPages([
        { has_more: 1, min_time: 10, ids: ["1"] },
        { has_more: 1, min_time: 20, ids: ["2"] },
        { has_more: 1, min_time: 30, ids: ["3"] },
      ]),
    );
    const pages = [];
    for await (const page of client().user.getFollowers.pages({ user_id: "1" }, { maxPages: 2 })) pages.push(page);
    expect(pages.map((p) => p.followers?.map((f) => f.uid))).toEqual([["1"], ["2"]]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops on a repeated cursor instead of looping forever", async () => {
    server.answer(ok({ followers: [{ uid: "same" }], has_more: 1, min_time: 99 }));
    const uids = [];
    for await (const f of client().user.getFollowers.iterate({ user_id: "1" })) uids.push(f.uid);
    expect(uids).toEqual(["same", "same"]);
    expect(server.requests.map((r) => r.url.searchParams.get("offset"))).toEqual([null, "99"]);
  });

  it("stops when the next cursor is missing even if has_more says more", async () => {
    server.answer(ok({ followers: [{ uid: "a" }], has_more: true }));
    const uids = [];
    for await (const f of client().user.getFollowers.iterate({ user_id: "1" })) uids.push(f.uid);
    expect(uids).toEqual(["a"]);
    expect(server.requests).toHaveLength(1);
  });

  it("starts from a cursor given in the parameters", async () => {
    server.answer(ok({ followers: [{ uid: "x" }], has_more: 0, min_time: 5 }));
    for await (const _ of client().user.getFollowers.iterate({ user_id: "1", offset: 1234 })) void _;
    expect(server.requests[0].url.searchParams.get("offset")).toBe("1234");
  });

  it("increments the page number of a page-numbered list (nested has_more)", async () => {
    server.answer((request) => {
      const page = Number(request.url.searchParams.get("page") ?? "1");
      return ok({ videos: [{ id: `v${page}` }], pagination: { has_more: page < 3, total_count: 3 } });
    });
    const ids = [];
    for await (const video of client().video.getTrending.iterate({ region: "US" })) ids.push(video.id);
    expect(ids).toEqual(["v1", "v2", "v3"]);
    expect(server.requests.map((r) => r.url.searchParams.get("page"))).toEqual([null, "2", "3"]);
  });

  it("flattens items nested in arrays (body.sections[].items)", async () => {
    server.answer((request) => {
      const offset = Number(request.url.searchParams.get("offset") ?? "0");
      return ok({
        body: { sections: [{ items: [{ item_id: `0;${offset}a` }] }, { items: [{ item_id: `1;${offset}b` }] }] },
        has_more: offset === 0 ? 1 : 0,
        cursor: 20,
      });
    });
    const ids = [];
    for await (const item of client().search.products.iterate({ keyword: "lipstick", region: "US" })) ids.push(item.item_id);
    expect(ids).toEqual(["0;0a", "1;0b", "0;20a", "1;20b"]);
  });

  it("passes request options to every page request", async () => {
    server.answer(ok({ followers: [], has_more: 0 }));
    for await (const _ of client().user.getFollowers.pages({ user_id: "1" }, { headers: { "x-trace": "t1" } })) void _;
    expect(server.requests[0].headers["x-trace"]).toBe("t1");
  });
});

describe("walk: the paging state, saved and resumed", () => {
  const threePages = () =>
    followerPages([
      { has_more: 1, min_time: 100, ids: ["1", "2"] },
      { has_more: 1, min_time: 200, ids: ["3"] },
      { has_more: 0, min_time: 300, ids: ["4"] },
    ]);

  it("yields each page with its items, the total and a JSON state; a walker made from a saved state continues the list", async () => {
    server.answer(threePages());
    const steps = [];
    for await (const step of client().user.getFollowers.walk({ user_id: "1" }, { maxPages: 1 })) steps.push(step);
    expect(steps).toHaveLength(1);
    expect(steps[0].items.map((f) => f.uid)).toEqual(["1", "2"]);
    expect(steps[0].total).toBe(7);
    const saved = JSON.parse(JSON.stringify(steps[0].state));
    expect(saved).toEqual({ cursor: 100, seen: ["100"], pages: 1, done: false });

    server.answer(threePages());
    const uids: string[] = [];
    let last: PageState | undefined;
    for await (const step of client().user.getFollowers.walk({ user_id: "1" }, { from: saved })) {
      uids.push(...step.items.map((f) => f.uid!));
      last = step.state;
    }
    expect(uids).toEqual(["3", "4"]);
    expect(server.requests.map((r) => r.url.searchParams.get("offset"))).toEqual(["100", "200"]);
    expect(last).toEqual({ cursor: 200, seen: ["100", "200"], pages: 3, done: true });

    server.answer(threePages());
    for await (const _ of client().user.getFollowers.walk({ user_id: "1" }, { from: last })) void _;
    expect(server.requests).toHaveLength(0);
  });

  it("a resumed walk still stops on a cursor it requested before the checkpoint", async () => {
    server.answer(ok({ followers: [{ uid: "x" }], has_more: 1, min_time: 100 }));
    const seen = [];
    for await (const step of client().user.getFollowers.walk({ user_id: "1" }, { from: { cursor: 200, seen: ["100", "200"], pages: 2, done: false } }))
      seen.push(step.state);
    expect(seen).toEqual([{ cursor: 200, seen: ["100", "200"], pages: 3, done: true }]);
    expect(server.requests).toHaveLength(1);
  });

  it("remembers the last 100 cursors, so a state saved after every page stays small", async () => {
    const { PageWalker } = await import("../src/index.js");
    const walker = new PageWalker({ cursorParam: "offset", nextCursorField: "next", hasMoreField: "more", itemsField: "list" }, {});
    for (let n = 1; n <= 250; n++) walker.advance({ list: [n], more: 1, next: n });
    expect(walker.state.seen).toHaveLength(100);
    expect(walker.state.seen[0]).toBe("151");
    expect(walker.state.done).toBe(false);
    walker.advance({ list: [], more: 1, next: 200 }); // a recent cursor again: the list loops
    expect(walker.done).toBe(true);
  });

  it("PageWalker drives any fetch of your own", async () => {
    const { PageWalker } = await import("../src/index.js");
    const walker = new PageWalker({ cursorParam: "page", nextCursorField: null, hasMoreField: "more", itemsField: "list" }, { q: "a" });
    const asked = [];
    while (!walker.done) {
      const params = walker.next()!;
      asked.push(params);
      const page = Number(params.page ?? 1);
      walker.advance({ list: [page], more: page < 3 });
    }
    expect(asked).toEqual([{ q: "a" }, { q: "a", page: 2 }, { q: "a", page: 3 }]);
    expect(walker.state).toEqual({ cursor: 3, seen: [], pages: 3, done: true }); // numbered pages only count up: nothing to remember
  });
});
