// The SDK-surface check against the client as built in this workspace: a usage file generated from a
// (modified) base spec is type-checked; each call that no longer compiles is named with its operation.
import { join } from "node:path";
import { loadSpec } from "@tikhubapi/spec/spec";
import { describe, expect, it } from "vitest";
import { checkSurface, generateUsage } from "../src/surface.mjs";
import { repoRoot } from "./temp-repo.mjs";

const current = loadSpec();
const workDir = join(repoRoot, "packages", "spec-tools", ".surface", "test");
const followers = (spec) => spec.paths["/user/followers"].get;

describe("the generated usage file", () => {
  it("calls every operation with every parameter, and pages the paged ones", () => {
    const { source, operations } = generateUsage(current);
    const ops = Object.values(current.paths).map((item) => item.get);
    expect(operations).toBe(ops.length);
    expect(source).toContain('await tikhub.live.getInfo({ room_id: "7531095702089370381", user_id: "6796815426174960646" });');
    expect(source).toMatch(/tikhub\.user\.getFollowers\.iterate\(\{ user_id: "\d+", offset: 0 \}/);
    expect(source.match(/\.iterate\(/g)).toHaveLength(ops.filter((op) => op["x-pagination"]).length);
  });
});

describe("type-checked against the client as built now", () => {
  it("the current spec's usage compiles", () => {
    const result = checkSurface(current, { workDir });
    expect(result.problems).toEqual([]);
    expect(result.calls).toBeGreaterThan(result.operations);
  });

  it("a method the base had and the client lacks, a parameter it took and its type are each named", () => {
    const base = structuredClone(current);
    followers(base).operationId = "userListFollowers"; // the client has no user.listFollowers
    base.paths["/video/info"].get.parameters.push({ name: "fields", in: "query", required: false, schema: { type: "string" }, example: "all" });
    const result = checkSurface(base, { workDir });
    const byOperation = {};
    for (const p of result.problems) {
      byOperation[p.operationId] ??= [];
      byOperation[p.operationId].push(p);
    }
    expect(Object.keys(byOperation).sort()).toEqual(["userListFollowers", "videoGetInfo"]);
    expect(byOperation.userListFollowers).toHaveLength(3); // the call, .pages(), .iterate()
    expect(byOperation.userListFollowers[0]).toMatchObject({
      operation: "GET /user/followers",
      message: expect.stringMatching(/TS\d+: Property 'listFollowers' does not exist/),
    });
    expect(byOperation.videoGetInfo[0].message).toMatch(/'fields' does not exist/);
  });

  it("a parameter whose type differs from the client's is named", () => {
    const base = structuredClone(current);
    const offset = followers(base).parameters.find((p) => p.name === "offset");
    offset.schema = { type: "string" };
    offset.example = "0";
    const result = checkSurface(base, { workDir });
    expect(new Set(result.problems.map((p) => p.operationId))).toEqual(new Set(["userGetFollowers"]));
    expect(result.problems[0].message).toMatch(/TS2322: Type 'string' is not assignable to type 'number'/);
  });
});

it("a base spec whose operation model cannot be built is refused with a message naming what to do", () => {
  const base = structuredClone(current);
  delete followers(base).tags;
  expect(() => generateUsage(base, "the base")).toThrow(/the operation model of the base cannot be built.*--no-surface/s);
});

it("spec:diff reports one breaking change per operation whose calls no longer compile", async () => {
  const { surfaceChanges } = await import("../src/spec-diff.mjs");
  const base = structuredClone(current);
  followers(base).operationId = "userListFollowers";
  const changes = surfaceChanges(checkSurface(base, { workDir }).problems);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ operation: "GET /user/followers", type: "breaking", rule: "sdk-surface" });
  expect(changes[0].message).toMatch(
    /^SDK surface: `tikhub\.user\.listFollowers\(\{ user_id: "\d+", offset: 0 \}\)` no longer compiles \(and 2 more calls: \.pages\(\)\/\.iterate\(\)\): TS\d+: Property 'listFollowers' does not exist/,
  );
});
