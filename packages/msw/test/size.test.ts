// Our share of a browser bundle: `createHandlers()` from the built package, bundled for a browser by
// esbuild (minified, msw left external: it is the app's own), must stay within 35 kB gzip. The data
// it carries is the slim spec: no descriptions, summaries or body schemas. (`pnpm bench` prints the
// same figures beside msw's own weight.)
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { SLIM_SPEC } from "../src/generated/slim-spec.js";

const BUDGET_GZIP_BYTES = 35 * 1000;
const entry = new URL("../dist/index.js", import.meta.url).pathname;

it(`our part of a browser bundle of createHandlers() (msw external) is at most ${BUDGET_GZIP_BYTES / 1000} kB gzip`, async () => {
  const result = await build({
    stdin: {
      contents: `import { createHandlers } from ${JSON.stringify(entry)};\nexport const handlers = createHandlers();\n`,
      resolveDir: process.cwd(),
      loader: "js",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external: ["msw", "msw/*"],
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(
    `createHandlers() for a browser, msw external: ${(code.length / 1000).toFixed(1)} kB min, ${(gzip / 1000).toFixed(1)} kB gzip (budget ${BUDGET_GZIP_BYTES / 1000} kB)`,
  );
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  expect(gzip, "the bundle holds the handlers and their data, not an empty stub").toBeGreaterThan(5_000);
});

it("the slim spec holds every operation and what the handlers read, and no descriptions, summaries or body schemas", () => {
  // Every key of the data outside the example payloads (which are the API's own data, kept as they are).
  const keys = new Set<string>();
  (function walk(node: unknown): void {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      keys.add(key);
      if (key !== "value" && key !== "example") walk(value);
    }
  })(SLIM_SPEC);
  for (const dropped of ["description", "summary", "tags", "schemas", "info", "servers", "x-status"]) expect(keys.has(dropped), dropped).toBe(false);
  expect(keys.has("schema"), "parameter schemas (constraints) are kept").toBe(true);
  const operations = Object.values(SLIM_SPEC.paths).flatMap((item) => Object.values(item));
  expect(operations).toHaveLength(50);
  for (const operation of operations as Array<{ operationId: string; responses: Record<string, unknown> }>) {
    expect(operation.operationId).toMatch(/^[a-z]+[A-Z]/);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "428", "429", "500"]));
  }
});
