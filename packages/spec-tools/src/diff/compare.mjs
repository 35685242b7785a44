// Every change between two bundled specs, per operation, classified breaking / non-breaking /
// annotation: api-smart-diff finds and classifies the changes; rules.mjs overrides its verdict
// where it is wrong for this SDK; describe.mjs puts each in words.
import { apiCompare } from "api-smart-diff";
import { describe } from "./describe.mjs";
import { locate } from "./locate.mjs";
import { classify } from "./rules.mjs";

export const VERDICTS = ["breaking", "non-breaking", "annotation"];

/**
 * @typedef {{ operation: string, operationId?: string, type: "breaking"|"non-breaking"|"annotation",
 *   message: string, rule?: string, path: string }} Change
 * @returns {Change[]} sorted: breaking first, then by operation and message; duplicates merged.
 */
export function compareSpecs(before, after) {
  const { diffs } = apiCompare(before, after);
  const seen = new Map();
  for (const diff of diffs) {
    const ctx = locate(diff, before, after);
    if (!ctx) continue;
    const { type, rule } = classify(ctx);
    const change = { operation: ctx.operation, operationId: ctx.operationId, type, message: describe(ctx), path: diff.path.join("/") };
    if (rule) change.rule = rule;
    const key = `${change.operation}\0${change.message}\0${type}`;
    if (!seen.has(key)) seen.set(key, change);
  }
  const order = (c) => VERDICTS.indexOf(c.type);
  return [...seen.values()].sort((a, b) => order(a) - order(b) || a.operation.localeCompare(b.operation) || a.message.localeCompare(b.message));
}

/** One line per change: `GET /user/followers: query parameter "count" became required — breaking`. */
export const changeLine = (c) => `${c.operation}: ${c.message} — ${c.type}${c.rule ? ` [rule: ${c.rule}]` : ""}`;

export function summarize(changes) {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, changes.filter((c) => c.type === v).length]));
  return { total: changes.length, ...counts };
}
