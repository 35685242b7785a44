export type { paths, components, operations, webhooks, $defs } from "./generated/openapi.js";
