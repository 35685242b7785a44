export type { Operation, Pagination, Param, Section } from "./commands.js";
export { SECTIONS } from "./commands.js";
export { CliError, EXIT, UsageError } from "./errors.js";
export type { Checkpoint, ExportOptions, WalkMethod } from "./export.js";
export { checkpointPath, runExport } from "./export.js";
export type { Io, Output } from "./main.js";
export { main, OWN_FLAGS } from "./main.js";
export type { Params } from "./params.js";
export { VERSION } from "./version.js";
