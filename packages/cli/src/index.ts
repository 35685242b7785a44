export { main } from "./main.js";
export type { Io, Output } from "./main.js";
export { runExport, checkpointPath } from "./export.js";
export type { Checkpoint, ExportOptions } from "./export.js";
export { SECTIONS } from "./commands.js";
export type { Section, Operation, Param, Pagination, CommandPagination } from "./command-types.js";
export { EXIT, CliError, UsageError } from "./errors.js";
export { VERSION } from "./version.js";
