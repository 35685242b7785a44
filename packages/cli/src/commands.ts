import type { Operation, Param, Section } from "./command-types.js";
import { SECTIONS } from "./generated/commands.js";
import { UsageError } from "./errors.js";
import { didYouMean } from "./suggest.js";

export { SECTIONS };

export function findSection(name: string): Section {
  const section = SECTIONS.find((s) => s.name === name);
  if (section) return section;
  const names = SECTIONS.map((s) => s.name);
  throw new UsageError(`unknown section "${name}"${didYouMean(name.toLowerCase(), names)} (sections: ${names.join(", ")})`);
}

export function findOperation(section: Section, name: string, prefix = "tikhub"): Operation {
  const operation = section.operations.find((o) => o.command === name);
  if (operation) return operation;
  // Also accept the client's camelCase name (getInfo) and say what the command is called.
  const camel = section.operations.find((o) => o.method === name || o.method.toLowerCase() === name.toLowerCase());
  if (camel) throw new UsageError(`unknown method "${name}" in ${section.name}; did you mean ${camel.command}? (methods are kebab-case)`);
  const commands = section.operations.map((o) => o.command);
  let hint = didYouMean(name, commands);
  if (!hint) {
    const elsewhere = SECTIONS.find((s) => s.operations.some((o) => o.command === name));
    if (elsewhere) hint = `; did you mean ${prefix} ${elsewhere.name} ${name}?`;
  }
  throw new UsageError(`unknown method "${name}" in ${section.name}${hint} (see ${prefix} ${section.name} --help)`);
}

export function pagedOperations(): { section: Section; operation: Operation }[] {
  return SECTIONS.flatMap((section) => section.operations.filter((o) => o.pagination).map((operation) => ({ section, operation })));
}

/** Every flag some operation takes, to tell "not for this method" from "no such flag". */
export const ALL_PARAM_FLAGS: ReadonlySet<string> = new Set(SECTIONS.flatMap((s) => s.operations.flatMap((o) => o.params.map((p) => p.flag))));

/** `--room-id <string>` */
export function flagUsage(p: Param): string {
  return `--${p.flag} <${p.type}>`;
}
