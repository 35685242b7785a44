// Golden cases of `pnpm spec:diff`'s classification: each file in fixtures/cases/ edits fixtures/base.yaml;
// the expected lines are compared both ways (base → edited is `forward`, edited → base is `backward`).
// UPDATE_GOLDEN=1 rewrites the expected lines (review the git diff before committing).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { changeLine, compareSpecs } from "../src/diff/compare.mjs";
import { applyEdits } from "./json-edit.mjs";

const fixtures = new URL("./fixtures/", import.meta.url);
const base = YAML.parse(readFileSync(new URL("base.yaml", fixtures), "utf8"));
const caseFiles = readdirSync(new URL("cases/", fixtures))
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe.each(caseFiles)("%s", (file) => {
  const url = new URL(`cases/${file}`, fixtures);
  const doc = YAML.parseDocument(readFileSync(url, "utf8"));
  const testCase = doc.toJS();
  const edited = applyEdits(base, testCase.edit);
  const forward = compareSpecs(base, edited).map(changeLine);
  const backward = compareSpecs(edited, base).map(changeLine);
  if (process.env.UPDATE_GOLDEN) {
    doc.set("forward", forward);
    doc.set("backward", backward);
    writeFileSync(url, doc.toString({ lineWidth: 0 }));
  }
  it("forward (base → edited)", () => {
    expect(forward.length).toBeGreaterThan(0);
    expect(forward).toEqual(testCase.forward);
  });
  it("backward (edited → base)", () => {
    expect(backward.length).toBeGreaterThan(0);
    expect(backward).toEqual(testCase.backward);
  });
});

it("an unchanged spec has no change", () => {
  expect(compareSpecs(base, structuredClone(base))).toEqual([]);
});
