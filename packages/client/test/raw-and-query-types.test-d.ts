import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import { type components, createTikHubClient, type Data, isSuccess, type paths } from "../src/index.js";
import { createTikHubQueries } from "../src/query.js";

const tikhub = createTikHubClient({ username: "u", password: "p" });

describe("raw is openapi-fetch's Client<paths>", () => {
  it("fits where Client<paths> is expected", () => {
    const asOpenapiFetch: Client<paths> = tikhub.raw;
    void asOpenapiFetch;
    expectTypeOf(tikhub.raw).toEqualTypeOf<Client<paths>>();
  });

  it("isSuccess narrows a raw 200 to the success envelope", async () => {
    const { data } = await tikhub.raw.GET("/live/info", { params: { query: { room_id: "1", user_id: "2" } } });
    if (isSuccess(data)) expectTypeOf(data.data).toEqualTypeOf<{ data: components["schemas"]["LiveRoom"] }>();
    // @ts-expect-error without the guard the body may be the risk-control envelope, whose data is null
    void data?.data.data;
  });
});

describe("optional parameters", () => {
  it("operations with no required parameter take an optional argument", () => {
    void tikhub.video.getTrending();
    void tikhub.video.getTrending({ region: "US" });
    void tikhub.video.getTrending.iterate();
    void tikhub.key.getInfo();
    // @ts-expect-error room_id and user_id are required
    void tikhub.live.getInfo();
  });
});

describe("query helpers", () => {
  const queries = createTikHubQueries(tikhub);
  it("queryFn resolves to the operation's data", () => {
    expectTypeOf(queries.live.getInfo.queryOptions({ room_id: "1", user_id: "2" }).queryFn).returns.resolves.toEqualTypeOf<Data<"liveGetInfo">>();
    expectTypeOf(queries.key.getInfo.queryOptions(undefined, { staleTime: 5 }).staleTime).toEqualTypeOf<number>();
  });
  it("infinite helpers only on paged operations, items typed", () => {
    expectTypeOf(queries.user.getFollowers.items).returns.toEqualTypeOf<components["schemas"]["AppUser"][]>();
    // @ts-expect-error live.getInfo does not page
    void queries.live.getInfo.infiniteQueryOptions;
  });
});
