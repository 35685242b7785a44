// The command line of a spec tool (spec:diff, spec:probe): node:util's parseArgs, strict, plus --help.
import { parseArgs } from "node:util";
import { SpecToolError } from "./errors.mjs";

/**
 * The option values of `argv` (`help: true` for --help); an unknown option or a missing value is a
 * SpecToolError whose message ends with the tool's usage.
 * @param {string[]} argv @param {import("node:util").ParseArgsConfig["options"]} options @param {string} usage
 */
export function parseToolArgs(argv, options, usage) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean" } }, strict: true }).values;
  } catch (error) {
    throw new SpecToolError(`${error.message}\n${usage}`);
  }
}
