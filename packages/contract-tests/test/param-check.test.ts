// Prism is the judge of the shared parameter check: for every query parameter of every operation, a set
// of values (valid, empty, repeated, of the wrong type, out of bounds, off-pattern, off-enum) is sent
// to the Prism mock, and `checkParams` (@tikhubapi/spec/runtime, which the MSW handlers, the CLI and the
// client use) must refuse exactly the queries Prism answers with its 400.
import { type RunningMock, startMock } from "@tikhubapi/mock";
import type { ParameterModel } from "@tikhubapi/spec/model";
import { checkParams } from "@tikhubapi/spec/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../src/operations.js";

type QueryValue = string | string[] | undefined;

/** The values tried for one parameter: its example, absent, empty, repeated, and ones each constraint refuses or accepts at its edge. */
function valuesFor(p: ParameterModel): QueryValue[] {
  const example = p.example === undefined ? "1" : String(p.example);
  const values: QueryValue[] = [example, undefined, "", [example, example], ["", example], [example, ""], ["", ""], " 5", "1.5", "abc", "not valid ✗"];
  if (p.minimum !== undefined) values.push(String(p.minimum), String(p.minimum - 1));
  if (p.maximum !== undefined) values.push(String(p.maximum), String(p.maximum + 1));
  if (p.enum) values.push(String(p.enum[0]), "not-listed");
  if (p.minLength !== undefined) values.push("x".repeat(p.minLength));
  return values;
}

let mock: RunningMock;
let compared = 0;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
}, 60_000);
afterAll(async () => {
  await mock?.close();
  console.log(`checkParams ↔ Prism: ${compared} queries compared`);
});

/** One query sent to the Prism mock beside checkParams' verdict on it: the query string, Prism's status, whether checkParams refuses it. */
async function judge(op: (typeof operations)[number], query: Record<string, QueryValue>) {
  const search = new URLSearchParams();
  for (const [name, v] of Object.entries(query)) for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) search.append(name, one);
  const response = await fetch(`${mock.url}${op.path}?${search}`, { headers: { authorization: `Basic ${btoa("demo:demo")}` } });
  await response.arrayBuffer();
  compared++;
  return { search, status: response.status, refused: checkParams(op.params, query).length > 0 };
}

describe.each(operations.filter((op) => op.params.length > 0).map((op) => [op.id, op] as const))("%s", (_id, op) => {
  it("checkParams refuses exactly what Prism answers 400 to", async () => {
    const base: Record<string, QueryValue> = Object.fromEntries(op.params.flatMap((p) => (p.example === undefined ? [] : [[p.name, String(p.example)]])));
    const disagreements: string[] = [];
    for (const p of op.params) {
      for (const value of valuesFor(p)) {
        const { status, refused } = await judge(op, { ...base, [p.name]: value });
        if (refused !== (status === 400))
          disagreements.push(`${p.name}=${JSON.stringify(value)}: Prism ${status}, checkParams ${refused ? "refuses" : "accepts"}`);
        else expect([200, 400]).toContain(status);
      }
    }
    // The name in upper case (Prism matches names case-insensitively), once alone and once beside the spec's spelling.
    for (const p of op.params) {
      for (const query of [
        { ...base, [p.name]: undefined, [p.name.toUpperCase()]: "not valid ✗" },
        { ...base, [p.name.toUpperCase()]: "" },
      ]) {
        const { search, status, refused } = await judge(op, query);
        if (refused !== (status === 400)) disagreements.push(`?${search}: Prism ${status}, checkParams ${refused ? "refuses" : "accepts"}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
