import { SPEC_VERSION } from "@tikhubapi/spec/operations";
import { DEFAULT_BASE_URL } from "@tikhubapi/spec/runtime";
import { flagUsage, type Operation, type Param, pagedOperations, SECTIONS, type Section } from "./commands.js";
import { plural } from "./progress.js";
import { VERSION } from "./version.js";

const pad = (text: string, width: number) => text.padEnd(width);

/** Wraps `text` to `width` columns, every line after the first indented by `indent`. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

/** An operation's description as help shows it: its first paragraph (later ones hold notes for the spec's maintainers), on one line. */
const firstParagraph = (text: string) => (text.split(/\n\s*\n/)[0] ?? "").replace(/\s*\n\s*/g, " ").trim();

const OPTIONS = `Options
  --base-url URL          API root (default: TIKHUB_BASE_URL, else ${DEFAULT_BASE_URL};
                          the mock: http://127.0.0.1:4010)
  --header 'Name: value'  an extra request header, repeatable (e.g. --header 'Prefer: code=429' for the mock)
  --timeout-ms MS         time limit of each attempt (default 60000; none: no limit)
  --max-retries N         retries after a failed attempt (default 2; 0 fails at the first error)
  --json                  compact JSON (the default when stdout is not a terminal; pretty JSON on a terminal)
  --debug                 print the stack trace of an error (never the credentials)
  -h, --help              help for tikhub, a section or a method
  --version               the CLI's version`;

const CREDENTIALS = `Credentials
  Set TIKHUB_USERNAME and TIKHUB_PASSWORD in the environment. They are never taken as flags:
  a command line shows up in process lists and shell history.`;

const EXIT_CODES = `Exit codes
  0 ok · 1 other error · 2 usage error · 3 authentication or permission failed (401/403/428) · 4 rate-limited · 130 interrupted`;

const EXPORT_OPTIONS = `Export options
  --out FILE       the JSON Lines file: one item per line, appended and flushed page by page
  --max-pages N    stop after N pages in all (re-running with a larger N continues)
  --force          start over: delete FILE and its checkpoint first`;

function exampleCall(section: Section, op: Operation): string {
  const args = op.params.filter((p) => p.required).map((p) => `--${p.flag} ${shellWord(String(p.example ?? `<${p.type}>`))}`);
  return ["tikhub", section.name, op.cliCommand, ...args].join(" ");
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export function mainHelp(): string {
  const width = Math.max(...SECTIONS.map((s) => s.name.length)) + 2;
  const total = SECTIONS.reduce((n, s) => n + s.operations.length, 0);
  const live = SECTIONS.find((s) => s.name === "live") ?? SECTIONS[0];
  const liveOp = live.operations.find((o) => o.cliCommand === "get-info") ?? live.operations[0];
  return `tikhub ${VERSION} — the TikHub TikTok data API from the command line (${total} operations, spec ${SPEC_VERSION})

Usage
  tikhub <section> <method> [--<param> <value> …] [options]
  tikhub export <section> <method> [--<param> <value> …] --out FILE.jsonl [--max-pages N]
  tikhub <section> --help            the section's methods
  tikhub <section> <method> --help   the method's parameters

Sections
${SECTIONS.map((s) => `  ${pad(s.name, width)}${pad(plural(s.operations.length, "method"), 12)}${s.description}`).join("\n")}

${OPTIONS}

${CREDENTIALS}

${EXIT_CODES}

Example
  ${exampleCall(live, liveOp)}
`;
}

export function sectionHelp(section: Section): string {
  const width = Math.max(...section.operations.map((o) => o.cliCommand.length)) + 3;
  const paged = section.operations.some((o) => o.pagination);
  return `tikhub ${section.name} — ${section.description}

Usage
  tikhub ${section.name} <method> [--<param> <value> …] [options]

Methods
${section.operations.map((o) => `  ${pad(o.cliCommand, width)}${o.summary}${o.pagination ? "  [paged]" : ""}`).join("\n")}
${paged ? `\n[paged] methods can also be saved page by page: tikhub export ${section.name} <method> … --out FILE.jsonl\n` : ""}
Run \`tikhub ${section.name} <method> --help\` for a method's parameters.
`;
}

function paramLine(p: Param, width: number): string {
  const indent = " ".repeat(width + 12);
  const lines = [`  ${pad(flagUsage(p), width)}${pad(p.required ? "required" : "optional", 10)}${wrap(p.description, 76, indent)}`];
  if (p.enum) lines.push(`${indent}one of: ${p.enum.join(", ")}`);
  if (p.example !== undefined) lines.push(`${indent}example: --${p.flag} ${shellWord(String(p.example))}`);
  return lines.join("\n");
}

export function operationHelp(section: Section, op: Operation, forExport = false): string {
  const width = Math.max(0, ...op.params.map((p) => flagUsage(p).length)) + 3;
  const required = op.params.filter((p) => p.required).map(flagUsage);
  const optional = op.params.filter((p) => !p.required).map((p) => `[${flagUsage(p)}]`);
  const call = ["tikhub", section.name, op.cliCommand, ...required, ...optional].join(" ");
  const exportCall = ["tikhub export", section.name, op.cliCommand, ...required, ...optional, "--out FILE.jsonl [--max-pages N]"].join(" ");
  const p = op.pagination;
  const description = firstParagraph(op.description);
  const field = (f: string) => `data.${f}`;
  const lines = [
    `tikhub ${section.name} ${op.cliCommand} — ${op.summary}`,
    "",
    ...(description ? [`  ${wrap(description, 96, "  ")}`, ""] : []),
    "Usage",
    ...(forExport ? [] : [`  ${call}`]),
    ...(p ? [`  ${exportCall}`] : []),
    "",
    "Parameters",
    ...(op.params.length ? op.params.map((param) => paramLine(param, width)) : ["  (none)"]),
    "",
  ];
  if (p) {
    const next =
      p.nextCursorField === null
        ? `page numbers (--${op.params.find((x) => x.name === p.cursorParam)?.flag} 1, 2, 3 …)`
        : `${field(p.nextCursorField)} → --${op.params.find((x) => x.name === p.cursorParam)?.flag}`;
    lines.push("Pagination", `  items ${field(p.itemsField)} · more while ${field(p.hasMoreField)} · next page: ${next}`, "");
    if (forExport) lines.push(EXPORT_OPTIONS, "");
  }
  lines.push(`Calls client.${op.namespace}.${op.method}() → GET ${op.path} (operationId ${op.id})`, "", "Example", `  ${exampleCall(section, op)}`);
  if (p) lines.push(`  ${exampleCall(section, op).replace(/^tikhub /, "tikhub export ")} --out ${op.cliCommand.replace(/^get-/, "")}.jsonl`);
  return `${lines.join("\n")}\n`;
}

export function exportHelp(): string {
  const bySection = new Map<string, string[]>();
  for (const { section, operation } of pagedOperations()) bySection.set(section.name, [...(bySection.get(section.name) ?? []), operation.cliCommand]);
  const width = Math.max(...[...bySection.keys()].map((k) => k.length)) + 2;
  return `tikhub export — save every page of a paged method as JSON Lines, resumably

Usage
  tikhub export <section> <method> [--<param> <value> …] --out FILE.jsonl [--max-pages N] [--force]

${EXPORT_OPTIONS}

Resume
  After each page, FILE.checkpoint.json records the operation, its parameters, the next cursor,
  the pages and items done and the length of FILE. After Ctrl-C, a crash or a rate limit, run the
  same command again: it drops any half-written page and continues after the last complete one.
  A finished export says so and fetches nothing.

Paged methods
${[...bySection].map(([name, commands]) => `  ${pad(name, width)}${wrap(commands.join(", "), 90, " ".repeat(width + 2))}`).join("\n")}

${EXIT_CODES}
`;
}
