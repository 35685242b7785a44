// The commands: the operation model's sections and operations (@tikhubapi/spec, bundled into the CLI),
// looked up by the names typed on the command line. Nothing here lists an operation.
import type { OperationModel, PaginationModel, ParameterModel } from "@tikhubapi/spec/model";
import { OPERATIONS, SECTIONS as SPEC_SECTIONS } from "@tikhubapi/spec/operations";
import { UsageError } from "./errors.js";
import { didYouMean } from "./suggest.js";

/** An operation as a command: `tikhub <section> <cliCommand>`, calling `client[namespace][method]`. */
export type Operation = OperationModel;
/** One query parameter of an operation, as `--<flag>`. */
export type Param = ParameterModel;
/** An operation's `x-pagination`, as the model reads it. */
export type Pagination = PaginationModel;

export interface Section {
  /** The client namespace and CLI section (`live`). */
  name: string;
  /** The spec's tag (`Live`). */
  tag: string;
  description: string;
  operations: readonly Operation[];
}

/** Every section (tag) of the spec with its operations, in the spec's order. */
export const SECTIONS: readonly Section[] = SPEC_SECTIONS.map((s) => ({
  name: s.namespace,
  tag: s.name,
  description: s.description,
  operations: OPERATIONS.filter((o) => o.section === s.name),
}));

export function findSection(name: string): Section {
  const section = SECTIONS.find((s) => s.name === name);
  if (section) return section;
  const names = SECTIONS.map((s) => s.name);
  throw new UsageError(`unknown section "${name}"${didYouMean(name.toLowerCase(), names)} (sections: ${names.join(", ")})`);
}

export function findOperation(section: Section, name: string, prefix = "tikhub"): Operation {
  const operation = section.operations.find((o) => o.cliCommand === name);
  if (operation) return operation;
  // Also accept the client's camelCase name (getInfo) and say what the command is called.
  const camel = section.operations.find((o) => o.method === name || o.method.toLowerCase() === name.toLowerCase());
  if (camel) throw new UsageError(`unknown method "${name}" in ${section.name}; did you mean ${camel.cliCommand}? (methods are kebab-case)`);
  const commands = section.operations.map((o) => o.cliCommand);
  let hint = didYouMean(name, commands);
  if (!hint) {
    const elsewhere = SECTIONS.find((s) => s.operations.some((o) => o.cliCommand === name));
    if (elsewhere) hint = `; did you mean ${prefix} ${elsewhere.name} ${name}?`;
  }
  throw new UsageError(`unknown method "${name}" in ${section.name}${hint} (see ${prefix} ${section.name} --help)`);
}

export function pagedOperations(): { section: Section; operation: Operation }[] {
  return SECTIONS.flatMap((section) => section.operations.filter((o) => o.pagination).map((operation) => ({ section, operation })));
}

/** Every flag some operation takes, to tell "not for this method" from "no such flag". */
export const ALL_PARAM_FLAGS: ReadonlySet<string> = new Set(OPERATIONS.flatMap((o) => o.params.map((p) => p.flag)));

/** `--room-id <string>` */
export function flagUsage(p: Param): string {
  return `--${p.flag} <${p.type}>`;
}
