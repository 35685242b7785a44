// Reading the bundled spec (openapi/dist/openapi.json) from disk, for Node tools and tests. The
// document readers (deref, operationsOf, pointer) are the runtime-neutral ones of the model.
import { readFileSync } from "node:fs";

export { deref, type OpenApiDocument, operationsOf, pointer, type SpecOperationEntry } from "../spec-document.js";

/** Where the bundle is: openapi/dist/openapi.json. */
export const bundleUrl: URL = new URL("../../openapi.json", import.meta.url);

/** The bundle as parsed JSON: its top-level shape typed, the rest read freely by tools and tests. */
export interface BundledSpec {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  tags?: Array<{ name: string; description?: string }>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON read field by field by each tool
  paths: Record<string, Record<string, any>>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON read field by field by each tool
  components: Record<string, Record<string, any>>;
  [key: string]: unknown;
}

/** The bundle; throws one clear message where it is missing (run `pnpm build`). */
export function loadSpec(): BundledSpec {
  try {
    return JSON.parse(readFileSync(bundleUrl, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `cannot read the bundled spec at ${bundleUrl.pathname}: run \`pnpm build\` (or \`pnpm --filter @tikhubapi/spec bundle\`) first (${reason})`,
    );
  }
}

/** loadSpec() for command-line tools: on failure one line `<tool>: <reason>` and exit 1. */
export function loadSpecOrExit(tool: string): ReturnType<typeof loadSpec> {
  try {
    return loadSpec();
  } catch (error) {
    console.error(`${tool}: ${(error as Error).message}`);
    process.exit(1);
  }
}
