// A body beside its response schema: the fields it sends that the schema does not declare, and the
// fields the schema requires that it does not send. At a oneOf/anyOf (a 200 is the success envelope or
// the risk-control one) the branch that fits the body best is followed.
import { deref } from "@tikhubapi/spec/model";

const jsonType = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v);
const admits = (type, v) => {
  if (type === undefined) return true;
  const t = jsonType(v);
  return (Array.isArray(type) ? type : [type]).some((x) => x === t || (x === "number" && t === "integer"));
};

/** The ways a schema can be read: each a list of the schemas that all apply (allOf flattened, one branch per oneOf/anyOf). */
function readings(spec, schema, depth = 0) {
  const s = deref(spec, schema);
  if (!s || typeof s !== "object" || depth > 20) return [[]];
  let out = [[s]];
  const combine = (alternatives) => {
    const next = [];
    for (const a of out) for (const b of alternatives) next.push([...a, ...b]);
    out = next.slice(0, 64);
  };
  for (const part of s.allOf ?? []) combine(readings(spec, part, depth + 1));
  const branches = s.oneOf ?? s.anyOf;
  if (branches) combine(branches.flatMap((b) => readings(spec, b, depth + 1)));
  return out;
}

function shape(reading) {
  const properties = {};
  const required = new Set();
  let additional = false;
  let items;
  for (const s of reading) {
    for (const [key, sub] of Object.entries(s.properties ?? {})) {
      properties[key] ??= [];
      properties[key].push(sub);
    }
    for (const r of s.required ?? []) required.add(r);
    if (s.additionalProperties && s.additionalProperties !== false)
      additional = s.additionalProperties === true ? true : [...(additional === true || !additional ? [] : additional), s.additionalProperties];
    items ??= s.items;
  }
  return { properties, required, additional, items };
}

/** How badly a reading fits a value at its top level (0 = fits). */
function misfit(spec, reading, value) {
  let score = 0;
  for (const s of reading) {
    if (!admits(s.type, value)) score += 100;
    if ("const" in s && s.const !== value) score += 100;
    if (s.enum && !s.enum.includes(value)) score += 100;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const { properties, required, additional } = shape(reading);
    for (const key of Object.keys(value)) if (!(key in properties) && !additional) score += 1;
    for (const key of required) if (!(key in value)) score += 1;
    for (const [key, subs] of Object.entries(properties)) {
      if (!(key in value)) continue;
      for (const sub of subs) {
        const best = Math.min(
          ...readings(spec, sub).map((r) => r.filter((x) => !admits(x.type, value[key]) || ("const" in x && x.const !== value[key])).length),
        );
        score += best * 10;
      }
    }
  }
  return score;
}

/** { undeclared: string[], missing: string[] } dotted paths (`[]` for array items), each listed once. */
export function compareBody(spec, schema, value) {
  const undeclared = new Set();
  const missing = new Set();
  const walk = (schemas, v, path) => {
    // Every schema in `schemas` applies (a property declared in several allOf parts): the product of their readings.
    const all = schemas.reduce((acc, s) => acc.flatMap((a) => readings(spec, s).map((b) => [...a, ...b])).slice(0, 64), [[]]);
    const reading = all.map((r) => ({ r, score: misfit(spec, r, v) })).sort((a, b) => a.score - b.score)[0]?.r ?? [];
    const { properties, required, additional, items } = shape(reading);
    if (Array.isArray(v)) {
      if (items) for (const item of v) walk([items], item, `${path}[]`);
      return;
    }
    if (!v || typeof v !== "object") return;
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key in properties) walk(properties[key], child, childPath);
      else if (Array.isArray(additional)) walk(additional, child, childPath);
      else if (!additional) undeclared.add(childPath);
    }
    for (const key of required) if (!(key in v)) missing.add(path ? `${path}.${key}` : key);
  };
  walk([schema], value, "");
  return { undeclared: [...undeclared].sort(), missing: [...missing].sort() };
}
