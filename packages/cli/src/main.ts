import { type ParseArgsConfig, parseArgs } from "node:util";
import { createTikHubClient } from "@tikhubapi/client";
import { DEFAULT_BASE_URL } from "@tikhubapi/spec/runtime";
import { ALL_PARAM_FLAGS, findOperation, findSection, type Operation, pagedOperations, SECTIONS, type Section } from "./commands.js";
import { CliError, describeError, EXIT, UsageError } from "./errors.js";
import { runExport, type WalkMethod } from "./export.js";
import { exportHelp, mainHelp, operationHelp, sectionHelp } from "./help.js";
import { type Params, toParams } from "./params.js";
import { parseHeaders, parseMaxRetries, parseTimeout, resolveBaseUrl } from "./request-options.js";
import { redactor } from "./secrets.js";
import { didYouMean } from "./suggest.js";
import { VERSION } from "./version.js";

/** A stream main() writes to: process.stdout / process.stderr, or anything with write() and isTTY. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where main() writes and reads its environment; the real process's by default. */
export interface Io {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
}

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

const GLOBAL_OPTIONS: OptionsConfig = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
  json: { type: "boolean" },
  debug: { type: "boolean" },
  "base-url": { type: "string" },
  header: { type: "string", multiple: true },
  "timeout-ms": { type: "string" },
  "max-retries": { type: "string" },
};
const EXPORT_OPTIONS: OptionsConfig = {
  out: { type: "string" },
  "max-pages": { type: "string" },
  force: { type: "boolean" },
};
/** Flags people reach for to pass credentials: refused, because a command line leaks them. */
const CREDENTIAL_FLAGS = new Set(["password", "pass", "passwd", "username", "user", "token", "api-key", "apikey", "secret", "credentials", "auth"]);
const BOOLEAN_FLAGS = new Set(Object.entries({ ...GLOBAL_OPTIONS, ...EXPORT_OPTIONS }).flatMap(([name, o]) => (o.type === "boolean" ? [name] : [])));
/** The CLI's own flags: a spec parameter may not take one of these names (checked by the tests over every operation). */
export const OWN_FLAGS: ReadonlySet<string> = new Set([...Object.keys(GLOBAL_OPTIONS), ...Object.keys(EXPORT_OPTIONS), ...CREDENTIAL_FLAGS]);
const KNOWN_FLAGS = new Set([...Object.keys(GLOBAL_OPTIONS), ...Object.keys(EXPORT_OPTIONS), ...ALL_PARAM_FLAGS]);

interface Scan {
  positionals: string[];
  debug: boolean;
}

/**
 * A first pass over argv that finds the positionals (section, method) before the method's own flags are
 * known, and refuses credential flags before anything else. Every flag that is not boolean takes a value.
 */
function scan(argv: string[]): Scan {
  const positionals: string[] = [];
  let debug = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0];
      if (CREDENTIAL_FLAGS.has(name.toLowerCase())) {
        // The value is never echoed.
        throw new UsageError(
          `--${name} is not accepted: credentials come from the TIKHUB_USERNAME and TIKHUB_PASSWORD environment variables only (a flag would show up in process lists and shell history)`,
        );
      }
      if (!KNOWN_FLAGS.has(name)) throw new UsageError(`unknown option --${name}${didYouMean(name, [...KNOWN_FLAGS], (f) => `--${f}`)} (see tikhub --help)`);
      if (name === "debug") debug = true;
      if (!arg.includes("=") && !BOOLEAN_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith("--")) i++;
    } else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      if (arg !== "-h") throw new UsageError(`unknown option ${arg} (see tikhub --help)`);
    } else positionals.push(arg);
  }
  return { positionals, debug };
}

function parse(argv: string[], options: OptionsConfig, context: string, helpCommand: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    const name = flag.replace(/^-+/, "");
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      if (name in EXPORT_OPTIONS) throw new UsageError(`${flag} is only for exports: tikhub export ${context} … ${flag} …`);
      const own = Object.keys(options).filter((o) => !(o in GLOBAL_OPTIONS));
      throw new UsageError(`${context} has no option ${flag}${didYouMean(name, own, (f) => `--${f}`)} (see ${helpCommand})`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      if (options[name]?.type === "boolean") throw new UsageError(`${flag} takes no value`);
      throw new UsageError(
        `${flag} needs a value (see ${helpCommand})${/ambiguous/.test(message) ? `; a value starting with "-" is written ${flag}=<value>` : ""}`,
      );
    }
    throw new UsageError(message);
  }
}

function credentials(env: NodeJS.ProcessEnv): { username: string; password: string } {
  const { TIKHUB_USERNAME: username, TIKHUB_PASSWORD: password } = env;
  if (username && password) return { username, password };
  const unset = [!username && "TIKHUB_USERNAME", !password && "TIKHUB_PASSWORD"].filter(Boolean);
  throw new CliError(`missing credentials: set ${unset.join(" and ")} in the environment (export TIKHUB_USERNAME=… TIKHUB_PASSWORD=…)`, EXIT.AUTH);
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    parts.push(depth === 0 ? String((current as Error).stack ?? current) : `Caused by: ${String((current as Error).stack ?? current)}`);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(
  argv: string[] = process.argv.slice(2),
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const redact = redactor(io.env, argv);
  let debug = argv.includes("--debug");
  let baseUrl = DEFAULT_BASE_URL;
  try {
    const scanned = scan(argv);
    debug = scanned.debug;
    let positionals = scanned.positionals;
    const isExport = positionals[0] === "export";
    if (isExport) positionals = positionals.slice(1);
    let helpWord = false;
    if (positionals[0] === "help") {
      positionals = positionals.slice(1);
      helpWord = true;
    }
    const [sectionName, methodName, ...extra] = positionals;

    // Help, version, and everything that needs no operation.
    const wantsHelp = helpWord || argv.includes("--help") || argv.includes("-h");
    if (!sectionName) {
      const { values } = parse(argv, isExport ? { ...GLOBAL_OPTIONS, ...EXPORT_OPTIONS } : GLOBAL_OPTIONS, "tikhub", "tikhub --help");
      if (values.version && !wantsHelp) {
        io.stdout.write(`${VERSION}\n`);
        return EXIT.OK;
      }
      io.stdout.write(isExport ? exportHelp() : mainHelp());
      return EXIT.OK;
    }
    const section = findSection(sectionName);
    if (!methodName) {
      if (isExport && !section.operations.some((o) => o.pagination)) throw notPaged(section);
      io.stdout.write(sectionHelp(section));
      return EXIT.OK;
    }
    const op = findOperation(section, methodName, isExport ? "tikhub export" : "tikhub");
    const helpCommand = `tikhub ${isExport ? "export " : ""}${section.name} ${op.cliCommand} --help`;
    if (isExport && !op.pagination) throw notPaged(section, op);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (parameters are given as --<name> <value>; see ${helpCommand})`);
    if (wantsHelp) {
      io.stdout.write(operationHelp(section, op, isExport));
      return EXIT.OK;
    }

    const options: OptionsConfig = { ...GLOBAL_OPTIONS, ...(isExport ? EXPORT_OPTIONS : {}) };
    for (const p of op.params) options[p.flag] = { type: "string" };
    const { values } = parse(argv, options, `${section.name} ${op.cliCommand}`, helpCommand);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.OK;
    }
    const params = toParams(section, op, values, helpCommand);
    baseUrl = resolveBaseUrl(values["base-url"] as string | undefined, io.env);
    const headers = parseHeaders((values.header as string[] | undefined) ?? []);
    const timeoutMs = parseTimeout(values["timeout-ms"] as string | undefined);
    const maxRetries = parseMaxRetries(values["max-retries"] as string | undefined);

    let exportOptions: { out: string; maxPages?: number; force: boolean } | undefined;
    if (isExport) {
      const out = values.out;
      if (typeof out !== "string" || out === "") throw new UsageError(`export needs --out FILE.jsonl (see ${helpCommand})`);
      let maxPages: number | undefined;
      if (values["max-pages"] !== undefined) {
        const text = String(values["max-pages"]);
        if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--max-pages must be a whole number ≥ 1, got ${JSON.stringify(text)}`);
        maxPages = Number(text);
      }
      exportOptions = { out, maxPages, force: values.force === true };
    }

    const { username, password } = credentials(io.env);
    const client = createTikHubClient({
      username,
      password,
      baseUrl,
      headers,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(maxRetries === undefined ? {} : { maxRetries }),
    }) as unknown as Record<string, Record<string, Method>>;
    const method = client[op.namespace]?.[op.method];
    if (typeof method !== "function") throw new CliError(`the client has no ${op.namespace}.${op.method}(): rebuild @tikhubapi/client from the same spec`);
    if (debug) {
      const extra = Object.keys(headers).length ? ` with headers ${Object.keys(headers).join(", ")}` : "";
      io.stderr.write(redact(`debug: client.${op.namespace}.${op.method}(${JSON.stringify(params)}) → GET ${baseUrl}${op.path}${extra}\n`));
    }

    if (exportOptions) {
      await runExport({
        walk: (query, walkOptions) => (method.walk as WalkMethod)(query, walkOptions),
        section,
        operation: op,
        params,
        ...exportOptions,
        baseUrl,
        stderr: io.stderr,
        tty: io.stderr.isTTY === true,
      });
      return EXIT.OK;
    }

    const data = await method(params);
    const pretty = io.stdout.isTTY === true && values.json !== true;
    io.stdout.write(`${JSON.stringify(data ?? null, null, pretty ? 2 : undefined)}\n`);
    return EXIT.OK;
  } catch (error) {
    const { message, exitCode } = describeError(error, baseUrl);
    io.stderr.write(redact(`tikhub: ${message}\n`));
    if (debug) io.stderr.write(redact(`${stackOf(error)}\n`));
    return exitCode;
  }
}

type Method = ((params: Params) => Promise<unknown>) & { walk?: WalkMethod };

function notPaged(section: Section, op?: Operation): UsageError {
  const inSection = section.operations.filter((o) => o.pagination).map((o) => `${section.name} ${o.cliCommand}`);
  const list = inSection.length ? inSection : pagedOperations().map(({ section: s, operation: o }) => `${s.name} ${o.cliCommand}`);
  const what = op ? `${section.name} ${op.cliCommand} is not paged` : `${section.name} has no paged methods`;
  return new UsageError(`export needs a paged method; ${what}. Paged methods${inSection.length ? ` in ${section.name}` : ""}: ${list.join(", ")}`);
}

export { SECTIONS };
