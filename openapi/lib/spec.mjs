// Reading the bundled spec (openapi/dist/openapi.json): load it, follow $refs, list its operations.
// Shared by the generators, the spec check, the validator and the contract suite.
import { readFileSync } from "node:fs";

export const bundleUrl = new URL("../dist/openapi.json", import.meta.url);

/** The bundle; throws one clear message where it is missing (run `pnpm build`). */
export function loadSpec() {
  try {
    return JSON.parse(readFileSync(bundleUrl, "utf8"));
  } catch (error) {
    throw new Error(`cannot read the bundled spec at ${bundleUrl.pathname}: run \`pnpm build\` (or \`pnpm --filter @tikhubapi/spec bundle\`) first (${error.code ?? error.message})`);
  }
}

/** loadSpec() for command-line tools: on failure one line `<tool>: <reason>` and exit 1. */
export function loadSpecOrExit(tool) {
  try {
    return loadSpec();
  } catch (error) {
    console.error(`${tool}: ${error.message}`);
    process.exit(1);
  }
}

/** A JSON pointer from path segments ("/live/info" → "~1live~1info"). */
export const pointer = (...parts) => parts.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Every operation of the spec: { method, path, operation }. */
export function operationsOf(spec) {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch", "head", "options"]) {
      if (item[method]) out.push({ method, path, operation: item[method] });
    }
  }
  return out;
}

/** Follows a local `$ref` ("#/components/…") inside the spec. */
export function deref(spec, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((acc, key) => acc?.[key], spec);
  }
  return current;
}
