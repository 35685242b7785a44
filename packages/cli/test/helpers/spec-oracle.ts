// The spec as the tests read it: the raw bundle and two small readers written here, independently of
// the operation model the CLI is built on, so that the tests check the CLI's names against the spec itself.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the raw spec JSON, read here independently of the model (check:spec validates its shape)
export type Json = Record<string, any>;
export const spec: Json = require("@tikhubapi/spec/openapi.json");

/** `getUserInfo` / `sort_type` → `get-user-info` / `sort-type`. */
export const kebab = (s: string) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();

/** Follows local `$ref`s of the spec. */
export const deref = (node: Json): Json => {
  while (node?.$ref)
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((acc: Json, k: string) => acc[k], spec);
  return node;
};
