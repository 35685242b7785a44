#!/usr/bin/env node
// Exit 2 with one line on any failure to run (the stack only with DEBUG set).
import { SpecToolError } from "../src/errors.mjs";
import { runSpecProbe } from "../src/spec-probe.mjs";

try {
  process.exitCode = (await runSpecProbe(process.argv.slice(2))).exitCode;
} catch (error) {
  console.error(`spec:probe: ${error instanceof SpecToolError ? "" : "unexpected error: "}${error?.message ?? error}`);
  if (process.env.DEBUG && !(error instanceof SpecToolError)) console.error(error);
  process.exitCode = 2;
}
