// The probe's pure parts: fields sent/missing beside a schema, and what of an answer may be written.
import { deref } from "@tikhubapi/spec/model";
import { basicToken } from "@tikhubapi/spec/runtime";
import { loadSpec } from "@tikhubapi/spec/spec";
import { createSpecValidator } from "@tikhubapi/spec/validator";
import { describe, expect, it } from "vitest";
import { compareBody } from "../src/probe/fields.mjs";
import { MAX_LIST_ITEMS, publicValues, redactObserved } from "../src/probe/redact-observed.mjs";

const spec = loadSpec();
const media = (path) => deref(spec, spec.paths[path].get.responses["200"]).content["application/json"];
const firstExample = (path) => deref(spec, Object.values(media(path).examples)[0]).value;

describe("compareBody", () => {
  it("finds nothing in any of the spec's own 200 examples", () => {
    let checked = 0;
    for (const path of Object.keys(spec.paths)) {
      for (const ex of Object.values(media(path).examples)) {
        expect(compareBody(spec, media(path).schema, deref(spec, ex).value), path).toEqual({ undeclared: [], missing: [] });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Object.keys(spec.paths).length);
  });

  it("names undeclared and missing required fields inside lists, once each, on the success branch", () => {
    const body = structuredClone(firstExample("/user/followers"));
    for (const f of body.data.followers) {
      f.is_friend = true;
      delete f.uid;
    }
    delete body.data.has_more;
    expect(compareBody(spec, media("/user/followers").schema, body)).toEqual({
      undeclared: ["data.followers[].is_friend"],
      missing: ["data.followers[].uid", "data.has_more"],
    });
  });

  it("reads a risk-control answer (code ≠ 0, data null) as that branch: nothing missing", () => {
    expect(compareBody(spec, media("/user/followers").schema, { code: 500, msg: "risk control", data: null })).toEqual({ undeclared: [], missing: [] });
  });
});

describe("redactObserved", () => {
  const example = firstExample("/user/followers");
  const observed = () => {
    const body = structuredClone(example);
    const f = body.data.followers[0];
    f.uid = "7999999999999999999"; // an id no spec example has
    f.unique_id = "someone.private";
    f.nickname = "probe-user's friend";
    f.avatar_thumb.url_list = ["https://cdn.example.net/private/avatar.jpg?sig=abc"];
    body.data.followers = [f, structuredClone(f), structuredClone(f), structuredClone(f), structuredClone(f)];
    return body;
  };
  const options = { spec, example, username: "probe-user", password: "pw-s3cret" };

  it("keeps values the spec's examples already show, replaces the other identifying ones with the example's", () => {
    const { value, replaced, truncatedLists } = redactObserved(observed(), options);
    const [f] = value.data.followers;
    expect(value.data.followers).toHaveLength(MAX_LIST_ITEMS);
    expect(truncatedLists).toBe(1);
    expect(f.uid).toBe(example.data.followers[0].uid);
    expect(f.unique_id).toBe(example.data.followers[0].unique_id);
    expect(f.nickname).toBe(example.data.followers[0].nickname);
    expect(f.avatar_thumb.url_list).toEqual([example.data.followers[0].avatar_thumb.url_list[0]]);
    expect(replaced).toBeGreaterThanOrEqual(4 * MAX_LIST_ITEMS);
    expect(f.follower_count).toBe(example.data.followers[0].follower_count); // not identifying: kept as observed (the example's own here)
    const publics = publicValues(spec);
    expect(publics.has(`string:${example.data.followers[0].uid}`)).toBe(true);
    expect(createSpecValidator(spec).validateResponse("userGetFollowers", 200, value).errors).toEqual([]);
  });

  it("never lets a credential through, in any form, even in a field that is not identifying", () => {
    const body = observed();
    body.msg = `success for probe-user / pw-s3cret / ${basicToken("probe-user", "pw-s3cret")} / ${encodeURIComponent("pw-s3cret")}`;
    const text = JSON.stringify(redactObserved(body, options).value);
    for (const form of ["probe-user", "pw-s3cret", basicToken("probe-user", "pw-s3cret")]) expect(text).not.toContain(form);
    expect(text).toContain("[redacted]");
  });

  it("uses neutral placeholders where the example has no value at that place", () => {
    const body = { code: 0, msg: "success", data: { extra: { share_url: "https://www.tiktok.com/@someone/video/1", owner_id: 123456789012 } } };
    const { value } = redactObserved(body, { ...options, example: { code: 0 } });
    expect(value.data.extra).toEqual({ share_url: "https://example.com/redacted", owner_id: 0 });
  });
});
