#!/usr/bin/env node
import { SpecToolError } from "../src/errors.mjs";
import { runSpecDiff } from "../src/spec-diff.mjs";

try {
  process.exitCode = runSpecDiff(process.argv.slice(2)).exitCode;
} catch (error) {
  if (!(error instanceof SpecToolError)) throw error;
  console.error(`spec:diff: ${error.message}`);
  process.exitCode = 2;
}
