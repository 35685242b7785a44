export { main, OWN_FLAGS } from "./main.js";
export type { Io, Output } from "./main.js";
export { runExport, checkpointPath } from "./export.js";
export type { Checkpoint, ExportOptions, WalkMethod } from "./export.js";
export { SECTIONS } from "./commands.js";
export type { Section, Operation, Param, Pagination } from "./commands.js";
export type { Params } from "./params.js";
export { EXIT, CliError, UsageError } from "./errors.js";
export { VERSION } from "./version.js";
