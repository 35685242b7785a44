#!/usr/bin/env node
import { SpecToolError } from "../src/errors.mjs";
import { runSpecProbe } from "../src/spec-probe.mjs";

try {
  process.exitCode = (await runSpecProbe(process.argv.slice(2))).exitCode;
} catch (error) {
  if (!(error instanceof SpecToolError)) throw error;
  console.error(`spec:probe: ${error.message}`);
  process.exitCode = 2;
}
