// A change in words a consumer understands ("query parameter "count" became required"), from the
// context locate() read off api-smart-diff's path. Words only: the verdict comes from rules.mjs.

import { valueAt } from "./locate.mjs";
import { typesOf } from "./rules.mjs";

const show = (value) => {
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  return text && text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const verb = (action) => ({ add: "added", remove: "removed", replace: "changed", rename: "renamed" })[action] ?? action;
const fromTo = (diff) => `from ${show(diff.before)} to ${show(diff.after)}`;
/** "changed from a to b" / "a added" / "a removed" */
const change = (diff, what) => {
  if (diff.action === "replace" || diff.action === "rename") return `${what} changed ${fromTo(diff)}`;
  return `${what} ${show(diff.action === "add" ? diff.after : diff.before)} ${verb(diff.action)}`;
};
const typeText = (set) => [...set].join(" | ");

function describeSchema(subject, ctx) {
  const { diff } = ctx;
  const { aspect } = ctx.schema;
  switch (aspect) {
    case "property":
      return `${subject} ${verb(diff.action)}`;
    case "required":
      return diff.action === "remove" ? `${subject} is no longer required` : `${subject} became required`;
    case "type": {
      const { before, after } = typesOf(ctx);
      const added = [...after].filter((t) => !before.has(t));
      const removed = [...before].filter((t) => !after.has(t));
      const span = `(type ${typeText(before)} → ${typeText(after)})`;
      if (added.length === 1 && added[0] === "null" && removed.length === 0) return `${subject}: null added ${span}`;
      if (removed.length === 1 && removed[0] === "null" && added.length === 0) return `${subject}: null removed ${span}`;
      return `${subject}: type changed from ${typeText(before)} to ${typeText(after)}`;
    }
    case "const":
      return `${subject}: ${change(diff, "constant")}`;
    case "enum":
      if (ctx.schema.index === undefined) return `${subject}: ${change(diff, "enum")}`;
      return `${subject}: enum value ${show(diff.action === "add" ? diff.after : diff.before)} ${verb(diff.action)}`;
    case "description":
    case "title":
      return `${subject}: ${aspect} ${verb(diff.action)}`;
    case "schema":
      return `${subject}: schema ${verb(diff.action)}`;
    default:
      return `${subject}: ${change(diff, aspect)}`;
  }
}

function describeParameter(ctx) {
  const { diff, sub } = ctx;
  const label = `${ctx.paramIn} parameter "${ctx.paramName}"`;
  if (sub.length === 0) {
    if (diff.action === "add") return `${label} added${ctx.param?.required ? " as required" : " (optional)"}`;
    return `${label} ${verb(diff.action)}`;
  }
  if (sub[0] === "required" && sub.length === 1) {
    return valueAt(ctx.after, [...ctx.pathAfter, "required"]) === true ? `${label} became required` : `${label} became optional`;
  }
  if (ctx.schema) return describeSchema(label, ctx);
  return `${label}: ${sub.join(".")} ${verb(diff.action)}`;
}

function describeResponse(ctx) {
  const { diff, sub, status } = ctx;
  const label = `response ${status}`;
  if (sub.length === 0) return `${label} ${verb(diff.action)}`;
  if (ctx.schema) {
    const subject = ctx.schema.field ? `${label} field "${ctx.schema.field}"` : `${label} body`;
    return describeSchema(subject, ctx);
  }
  if (sub[0] === "headers" && sub.length === 1) {
    const names = Object.keys((diff.action === "add" ? diff.after : diff.before) ?? {});
    return `${label} header${names.length === 1 ? "" : "s"} ${names.map((n) => `"${n}"`).join(", ")} ${verb(diff.action)}`;
  }
  if (sub[0] === "headers") return `${label} header "${sub[1]}"${sub.length > 2 ? ` ${sub.slice(2).join(".")}` : ""} ${verb(diff.action)}`;
  if (sub[0] === "content" && sub.length === 2) return `${label} media type ${sub[1]} ${verb(diff.action)}`;
  const exampleAt = sub.indexOf("examples");
  if (exampleAt >= 0)
    return sub.length === exampleAt + 2
      ? `${label} example "${sub[exampleAt + 1]}" ${verb(diff.action)}`
      : `${label} example "${sub[exampleAt + 1] ?? ""}" changed`;
  return `${label} ${sub.join(".")} ${verb(diff.action)}`;
}

function describeOperationKey(ctx) {
  const { diff, key, sub } = ctx;
  switch (key) {
    case "operationId":
      return `operationId changed ${fromTo(diff)} (renames the client method and the CLI command)`;
    case "tags":
      return `tag ${show(diff.before ?? valueAt(ctx.before, [...ctx.opPath, "tags", 0]))} → ${show(diff.after ?? valueAt(ctx.after, [...ctx.opPath, "tags", 0]))} (changes the client namespace and the CLI section)`;
    case "x-pagination":
      if (sub.length === 0)
        return diff.action === "add"
          ? "became paged (x-pagination added: .pages() and .iterate())"
          : diff.action === "remove"
            ? "is no longer paged (x-pagination removed)"
            : "x-pagination changed";
      return change(diff, `x-pagination.${sub.join(".")}`);
    case "x-status":
      return `evidence (x-status) changed ${fromTo(diff)}`;
    case "summary":
    case "description":
      return `${key} ${verb(diff.action)}`;
    case "deprecated":
      return valueAt(ctx.after, [...ctx.opPath, "deprecated"]) === true ? "became deprecated" : "is no longer deprecated";
    default:
      return sub.length ? `${key}.${sub.join(".")} ${verb(diff.action)}` : change(diff, key);
  }
}

function describeGlobal(ctx) {
  const { diff } = ctx;
  const path = diff.path;
  if (path[0] === "components" && path[1] === "securitySchemes")
    return `security scheme "${path[2]}"${path.length > 3 ? `: ${change(diff, path.slice(3).join("."))}` : ` ${verb(diff.action)}`}`;
  if (path[0] === "security") return `security requirement ${verb(diff.action)}`;
  return change(diff, path.join("."));
}

/** The change in words, without the operation and the verdict. */
export function describe(ctx) {
  if (ctx.scope === "global") return describeGlobal(ctx);
  if (ctx.part === "path-item") return `path ${verb(ctx.diff.action)}`;
  if (ctx.part === "operation") return `operation ${verb(ctx.diff.action)} (${ctx.operationId})`;
  if (ctx.part === "parameter") return describeParameter(ctx);
  if (ctx.part === "response") return describeResponse(ctx);
  if (ctx.part === "operation-key") return describeOperationKey(ctx);
  return `${ctx.rest.join(".")} ${verb(ctx.diff.action)}`;
}
