export type { $defs, components, operations, paths, webhooks } from "./generated/openapi.js";
