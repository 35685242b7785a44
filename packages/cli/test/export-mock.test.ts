// `tikhub export` against the real mock for every paged method of the spec: the mock pages like the
// API (≥ 3 pages, chained cursors, has_more false at the end), so each export must finish on its own
// with every item of every page exactly once.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMock, startMock } from "@tikhubapi/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./helpers/run.js";
import { deref, type Json, kebab, spec } from "./helpers/spec-oracle.js";

const readField = (value: unknown, field: string): unknown =>
  field.split(".").reduce<unknown>((current, part) => {
    const key = part.replace(/\[\]$/, "");
    return Array.isArray(current) ? current.flatMap((item) => (item as Json)?.[key] ?? []) : (current as Json | undefined)?.[key];
  }, value);

const paged = Object.values(spec.paths as Json)
  .map((item) => item.get as Json)
  .filter((op) => op["x-pagination"])
  .map((op) => {
    const section = (op.tags[0] as string).toLowerCase();
    const params = ((op.parameters ?? []) as Json[]).map(deref);
    const pages = Object.values(op.responses["200"].content["application/json"].examples as Json).map((e) => deref(e as Json).value as Json);
    const items = pages.reduce((sum, page) => sum + (readField(page.data, op["x-pagination"].itemsField) as unknown[]).length, 0);
    return {
      id: op.operationId as string,
      args: [
        section,
        kebab((op.operationId as string).slice(section.length)),
        ...params.filter((p) => p.required).flatMap((p) => [`--${kebab(p.name)}`, String(p.example)]),
      ],
      pages: pages.length,
      items,
    };
  });

let mock: RunningMock;
let dir: string;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), "tikhub-cli-export-mock-"));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("tikhub export against the mock, every paged method", () => {
  it("the spec has paged methods, each with at least 3 pages", () => {
    expect(paged.length).toBeGreaterThan(0);
    for (const op of paged) expect(op.pages, op.id).toBeGreaterThanOrEqual(3);
  });

  it.each(paged.map((op) => [op.args.slice(0, 2).join(" "), op] as const))("%s: finishes with every item once", async (_name, op) => {
    const out = join(dir, `${op.id}.jsonl`);
    const result = await run(["export", ...op.args, "--out", out, "--base-url", mock.url]);
    expect(result.stderr).toMatch(new RegExp(`finished: ${op.pages} pages, ${op.items} items`));
    expect(result.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(op.items);
    expect(new Set(lines).size).toBe(lines.length);
  });
});
