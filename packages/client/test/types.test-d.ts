import { describe, expectTypeOf, it } from "vitest";
import { type components, createTikHubClient } from "../src/index.js";

const client = createTikHubClient({ username: "u", password: "p" });

describe("resource types", () => {
  it("requires required parameters", () => {
    // @ts-expect-error user_id is required
    void client.live.getInfo({ room_id: "1" });
    // @ts-expect-error ids are strings, not numbers
    // biome-ignore lint/correctness/noPrecisionLoss: the point: a 19-digit number literal is refused by the types
    void client.live.getInfo({ room_id: 7531095702089370381, user_id: "1" });
    void client.live.getInfo({ room_id: "1", user_id: "2" });
    void client.key.getInfo();
  });

  it("types results from the spec", () => {
    expectTypeOf(client.live.getInfo).returns.resolves.toEqualTypeOf<{ data: components["schemas"]["LiveRoom"] }>();
    expectTypeOf(client.key.getInfo).returns.resolves.toEqualTypeOf<components["schemas"]["KeyInfo"]>();
  });

  it("types paged items", () => {
    const followers = client.user.getFollowers.iterate({ user_id: "1" });
    expectTypeOf(followers).toEqualTypeOf<AsyncIterable<components["schemas"]["AppUser"]>>();
    // @ts-expect-error non-paged operations have no iterate
    void client.live.getInfo.iterate;
  });

  it("timeoutMs is a number or false", () => {
    void createTikHubClient({ timeoutMs: false, maxRetries: 0 });
    void client.key.getInfo(undefined, { timeoutMs: false });
    // @ts-expect-error true is not a timeout
    void createTikHubClient({ timeoutMs: true });
  });

  it("rejects unknown methods and namespaces", () => {
    // @ts-expect-error no such method
    void client.live.getEverything;
    // @ts-expect-error no such namespace
    void client.tiktok;
  });
});
