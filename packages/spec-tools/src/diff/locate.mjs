// Where a change of api-smart-diff sits, read from its JSON path: which operation (the per-operation
// view: a component's change is reported inside every operation that uses it, and the component's own
// entry is dropped), and what inside the operation (a parameter, a response status, a field of a
// response body, an operation-level key), with the values before and after.

import { deref, HTTP_METHODS } from "@tikhubapi/spec/model";

const METHODS = new Set(HTTP_METHODS);

/** The value at a path of api-smart-diff (which walks the documents with their $refs resolved). */
export function valueAt(doc, path) {
  let current = deref(doc, doc);
  for (const key of path) {
    current = deref(doc, current?.[key]);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Reads the part of a schema path below a body or parameter schema:
 * { field: "data.followers[].uid" | "", aspect: "type" | "property" | "required" | "enum" | …, requiredName?, aspectPath }
 * `aspectPath` is the schema path up to and including the aspect key (e.g. up to `type` when the
 * change is inside a 3.1 type array).
 */
export function readSchemaPath(schemaPath, diff) {
  const field = [];
  let i = 0;
  while (i < schemaPath.length) {
    const key = schemaPath[i];
    if (key === "properties" && i + 1 < schemaPath.length) {
      field.push(String(schemaPath[i + 1]));
      if (i + 2 === schemaPath.length) return { field: field.join("."), aspect: "property", aspectPath: schemaPath };
      i += 2;
    } else if (key === "items") {
      if (field.length) field[field.length - 1] += "[]";
      else field.push("[]");
      i += 1;
    } else if (key === "allOf" || key === "oneOf" || key === "anyOf") {
      if (i + 1 === schemaPath.length) return { field: field.join("."), aspect: key, aspectPath: schemaPath };
      i += 2;
    } else if (key === "additionalProperties") {
      field.push("*");
      i += 1;
    } else {
      const aspectPath = schemaPath.slice(0, i + 1);
      if (key === "required") {
        const requiredName = diff.action === "remove" ? diff.before : diff.after;
        return { field: [...field, requiredName].join("."), aspect: "required", aspectPath };
      }
      return { field: field.join("."), aspect: String(key), aspectPath, index: schemaPath[i + 1] };
    }
  }
  return { field: field.join("."), aspect: "schema", aspectPath: schemaPath };
}

/**
 * The context of one diff of api-smart-diff, or null when the diff is a component's own entry
 * (reported again, per operation, where the component is used).
 */
export function locate(diff, before, after) {
  const path = diff.path;
  const base = { diff, action: diff.action, libraryType: diff.type, before, after };
  if (path[0] === "paths") {
    const urlPath = String(path[1]);
    if (path.length === 2) return { ...base, scope: "path", urlPath, operation: urlPath, part: "path-item", rest: [] };
    const method = String(path[2]);
    if (!METHODS.has(method)) return { ...base, scope: "path", urlPath, operation: `${urlPath} (every method)`, part: "path-level", rest: path.slice(2) };
    const opPath = path.slice(0, 3);
    const opBefore = valueAt(before, opPath);
    const opAfter = valueAt(after, opPath);
    const operationId = opAfter?.operationId ?? opBefore?.operationId;
    const ctx = { ...base, scope: "operation", urlPath, method, operation: `${method.toUpperCase()} ${urlPath}`, operationId, opPath, rest: path.slice(3) };
    return { ...ctx, ...readOperationPart(ctx) };
  }
  if (path[0] === "components" && path[1] !== "securitySchemes") return null;
  return { ...base, scope: "global", operation: "every operation", part: String(path[0]), rest: path };
}

function readOperationPart(ctx) {
  const { rest, diff, opPath, before, after } = ctx;
  if (rest.length === 0) return { part: "operation" };
  const [key, ...tail] = rest;
  if (key === "parameters") {
    // api-smart-diff matches parameters by name and `in`; its index is not the after side's, so each
    // side's parameter is found by name.
    const index = tail[0];
    const sub = tail.slice(1);
    const listBefore = valueAt(before, [...opPath, "parameters"]) ?? [];
    const listAfter = valueAt(after, [...opPath, "parameters"]) ?? [];
    const param =
      sub.length === 0
        ? diff.action === "add"
          ? deref(after, diff.after)
          : deref(before, diff.before)
        : (valueAt(before, [...opPath, "parameters", index]) ?? valueAt(after, [...opPath, "parameters", index]));
    const find = (list, doc) =>
      list.findIndex((p) => {
        const q = deref(doc, p);
        return q?.name === param?.name && (q?.in ?? "query") === (param?.in ?? "query");
      });
    const pathBefore = [...opPath, "parameters", find(listBefore, before)];
    const pathAfter = [...opPath, "parameters", find(listAfter, after)];
    const out = { part: "parameter", paramName: param?.name ?? `#${index}`, paramIn: param?.in ?? "query", pathBefore, pathAfter, sub, param };
    if (sub[0] === "schema")
      return { ...out, schema: { ...readSchemaPath(sub.slice(1), diff), rootBefore: [...pathBefore, "schema"], rootAfter: [...pathAfter, "schema"] } };
    return out;
  }
  if (key === "responses") {
    const status = String(tail[0] ?? "");
    const sub = tail.slice(1);
    const out = { part: "response", status, sub };
    if (sub[0] === "content" && sub[2] === "schema") {
      const schemaRoot = [...opPath, "responses", status, "content", sub[1], "schema"];
      return { ...out, mediaType: sub[1], schema: { ...readSchemaPath(sub.slice(3), diff), rootBefore: schemaRoot, rootAfter: schemaRoot } };
    }
    return out;
  }
  return { part: "operation-key", key: String(key), sub: tail };
}
