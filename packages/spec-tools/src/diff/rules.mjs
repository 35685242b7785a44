// Our rules over api-smart-diff's verdicts, for what it gets wrong for this SDK's consumers
// (measured: TOOLCHAIN.md and the golden cases in test/fixtures/cases/). Each rule names itself, so a
// change printed by `pnpm spec:diff` says which rule (if any) overrode the library.
import { valueAt } from "./locate.mjs";

const isExample = (ctx) => [...(ctx.rest ?? [])].some((k) => k === "examples" || k === "example");

/** The set of JSON types a `type` node admits ("any" when there is no `type`). */
export function typeSet(value) {
  if (value === undefined) return new Set(["any"]);
  return new Set((Array.isArray(value) ? value : [value]).map(String));
}

/** Both sides' type sets of the schema a change is in. */
export function typesOf(ctx) {
  const { rootBefore, rootAfter, aspectPath } = ctx.schema;
  return { before: typeSet(valueAt(ctx.before, [...rootBefore, ...aspectPath])), after: typeSet(valueAt(ctx.after, [...rootAfter, ...aspectPath])) };
}

const isSuperset = (a, b) => a.has("any") || [...b].every((t) => a.has(t) || (t === "integer" && a.has("number")));

export const RULES = [
  {
    name: "operationId",
    why: "renames the generated client method and CLI command",
    when: (ctx) => ctx.part === "operation-key" && ctx.key === "operationId",
    type: () => "breaking",
  },
  {
    name: "tags",
    why: "the first tag is the client namespace and CLI section",
    when: (ctx) => ctx.part === "operation-key" && ctx.key === "tags",
    type: () => "breaking",
  },
  {
    name: "x-pagination",
    why: "x-pagination drives .pages()/.iterate(), the CLI export and the mock's paging",
    when: (ctx) => ctx.part === "operation-key" && ctx.key === "x-pagination",
    type: (ctx) => (ctx.sub.length === 0 && ctx.action === "add" ? "non-breaking" : "breaking"),
  },
  {
    name: "extensions",
    why: "other x- keys (x-status, x-codeSamples) document, they do not change the contract",
    when: (ctx) => ctx.part === "operation-key" && ctx.key.startsWith("x-"),
    type: () => "annotation",
  },
  {
    name: "examples",
    why: "examples illustrate; the schemas are the contract",
    when: isExample,
    type: () => "annotation",
  },
  {
    name: "response-type",
    why: "any change of a response field's type (null added or removed included) changes what readers get and the generated types",
    when: (ctx) => ctx.part === "response" && ctx.schema?.aspect === "type",
    type: () => "breaking",
  },
  {
    name: "response-const",
    why: "a constant in a response is a literal type readers compare against",
    when: (ctx) => ctx.part === "response" && ctx.schema?.aspect === "const",
    type: () => "breaking",
  },
  {
    name: "response-property-removed",
    why: "code that reads the field no longer compiles",
    when: (ctx) => ctx.part === "response" && ctx.schema?.aspect === "property" && ctx.action === "remove",
    type: () => "breaking",
  },
  {
    name: "parameter-type",
    why: "a parameter type may widen; anything else refuses values callers send",
    when: (ctx) => ctx.part === "parameter" && ctx.schema?.aspect === "type",
    type: (ctx) => {
      const { before, after } = typesOf(ctx);
      return isSuperset(after, before) ? "non-breaking" : "breaking";
    },
  },
  {
    name: "parameter-const",
    why: "a constant on a parameter refuses every other value",
    when: (ctx) => ctx.part === "parameter" && ctx.schema?.aspect === "const",
    type: (ctx) => (ctx.action === "remove" ? "non-breaking" : "breaking"),
  },
  {
    name: "parameter-pattern",
    why: "a new or changed pattern may refuse values that passed before",
    when: (ctx) => ctx.part === "parameter" && ctx.schema?.aspect === "pattern",
    type: (ctx) => (ctx.action === "remove" ? "non-breaking" : "breaking"),
  },
  {
    name: "parameter-removed",
    why: "calls that pass it no longer compile",
    when: (ctx) => ctx.part === "parameter" && ctx.sub.length === 0 && ctx.action === "remove",
    type: () => "breaking",
  },
  {
    name: "document-annotations",
    why: "info, the top-level tag list and external docs describe; operations' own tags carry the names",
    when: (ctx) => ctx.scope === "global" && ["info", "tags", "externalDocs"].includes(ctx.part),
    type: () => "annotation",
  },
  {
    name: "servers",
    why: "the default API root of the client and CLI follows the spec's server: a release must carry it",
    when: (ctx) => ctx.scope === "global" && ctx.part === "servers",
    type: () => "non-breaking",
  },
  {
    name: "deprecated",
    why: "a deprecation warns, it does not break",
    when: (ctx) => ctx.libraryType === "deprecated",
    type: () => "non-breaking",
  },
  {
    name: "unclassified",
    why: "api-smart-diff has no rule for it: treated as breaking until a rule says otherwise",
    when: (ctx) => ctx.libraryType === "unclassified",
    type: () => "breaking",
  },
];

/** { type, rule? }: our rule's verdict where one applies, else the library's. */
export function classify(ctx) {
  for (const rule of RULES) {
    if (rule.when(ctx)) {
      const type = rule.type(ctx);
      return type === ctx.libraryType ? { type } : { type, rule: rule.name };
    }
  }
  return { type: ctx.libraryType };
}
