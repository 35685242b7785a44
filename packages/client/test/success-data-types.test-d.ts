import { describe, expectTypeOf, it } from "vitest";
import { type components, createTikHubClient, type operations } from "../src/index.js";

const client = createTikHubClient({ username: "u", password: "p" });

describe("200 answers that are not a success", () => {
  it("the spec's 200 body admits the risk-control envelope", () => {
    type Body = operations["userGetVideos"]["responses"][200]["content"]["application/json"];
    expectTypeOf<components["schemas"]["RiskControlEnvelope"]>().toExtend<Body>();
  });

  it("resource methods still resolve to the success data, without null", () => {
    expectTypeOf(client.user.getVideos).returns.resolves.toEqualTypeOf<components["schemas"]["UserVideoFeedPage"]>();
    expectTypeOf(client.user.getVideos).returns.resolves.not.toBeNullable();
    expectTypeOf(client.live.getInfo).returns.resolves.toEqualTypeOf<{ data: components["schemas"]["LiveRoom"] }>();
  });
});
