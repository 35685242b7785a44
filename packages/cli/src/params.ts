// An operation's flags → the API's parameters. Whether a value is acceptable is decided by the model's
// checkParams (@tikhubapi/spec/runtime: the one implementation of the spec's constraints, the mock's
// judge too); this module only words its answer for the command line, naming the flag.
import { checkParams, coerceParam, type ParamProblem, type QueryValues } from "@tikhubapi/spec/runtime";
import type { Operation, Param, Section } from "./commands.js";
import { UsageError } from "./errors.js";

export type Params = Record<string, string | number | boolean>;

const example = (p: Param) => (p.example !== undefined ? ` (e.g. --${p.flag} ${String(p.example)})` : "");

/** What the problem `checkParams` found with `--flag <text>` says, for a person at a shell. */
function worded(p: Param, problem: ParamProblem, text: string): string {
  const got = `got ${JSON.stringify(text)}`;
  switch (problem.kind) {
    case "type":
      return `--${p.flag} must be ${p.type === "integer" ? "an integer" : `a ${p.type}`}, ${got}${example(p)}`;
    case "enum":
      return `--${p.flag} must be one of ${p.enum?.join(", ")}, ${got}`;
    case "pattern":
      return `--${p.flag} ${p.pattern === "^[0-9]+$" ? "must be digits only" : `must match ${p.pattern}`}, ${got}${example(p)}`;
    case "minimum":
      return `--${p.flag} must be ≥ ${p.minimum}, got ${text}`;
    case "maximum":
      return `--${p.flag} must be ≤ ${p.maximum}, got ${text}`;
    case "minLength":
      return `--${p.flag} must have at least ${p.minLength} characters, ${got}`;
    case "maxLength":
      return `--${p.flag} must have at most ${p.maxLength} characters, ${got}`;
    default:
      // Any other kind the model may add: its own words, the parameter's name turned into the flag.
      return problem.message.replace(/^query parameter /, "").replace(p.name, `--${p.flag}`);
  }
}

/** The API value of a checked text: the model's coercion, except that an integer beyond 2^53 keeps its digits (cursors can be 64-bit). */
function apiValue(p: Param, text: string): string | number | boolean {
  const value = coerceParam(text, p.type);
  return p.type === "integer" && typeof value === "number" && !Number.isSafeInteger(value) ? text.replace(/^(-?)0+(?=\d)/, "$1") : value;
}

/** Checks the operation's flag values against its parameters and returns them as API parameters; a UsageError names the first wrong flag, or every missing one. */
export function toParams(section: Section, op: Operation, values: Record<string, unknown>, helpCommand: string): Params {
  const query: QueryValues = {};
  for (const p of op.params) {
    if (values[p.flag] === undefined) continue;
    const text = String(values[p.flag]);
    // On a command line an empty value is a mistake, also for an optional flag (the API would take it as absent).
    if (text === "") throw new UsageError(`--${p.flag} needs a value (see ${helpCommand})`);
    query[p.name] = text;
  }
  const problems = checkParams(op.params, query);
  const param = (problem: ParamProblem) => op.params.find((p) => p.name === problem.param) as Param;
  const wrong = problems.find((problem) => problem.kind !== "missing");
  if (wrong) throw new UsageError(worded(param(wrong), wrong, query[wrong.param] as string));
  if (problems.length) {
    const missing = problems.map(param);
    const list = missing.map((p) => `--${p.flag} <${p.type}>${p.example !== undefined ? ` (e.g. ${String(p.example)})` : ""}`).join(", ");
    throw new UsageError(`${section.name} ${op.cliCommand}: missing required parameter${missing.length > 1 ? "s" : ""} ${list} (see ${helpCommand})`);
  }
  return Object.fromEntries(op.params.filter((p) => query[p.name] !== undefined).map((p) => [p.name, apiValue(p, query[p.name] as string)]));
}
