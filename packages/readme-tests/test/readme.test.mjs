// `pnpm test:readme`: every sh/bash and ts/js block of README.md and of each package's README runs
// here, against a mock this test starts, using the built packages; or it carries a directive saying
// why not (see readme-blocks.mjs). A failure names the README file and line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startMock } from "@tikhubapi/mock";
import { afterAll, beforeAll, describe, it } from "vitest";
import { parseBlocks, readmeFiles } from "./readme-blocks.mjs";
import { removeConsumerProject, repoRoot, runScript, runServer, runShell, runVitest } from "./run-block.mjs";

// A ts/js block that imports vitest is a test file: it runs under vitest without a directive.
const IMPORTS_VITEST = /\bfrom\s+["']vitest["']/;

let mock;
let mockPort;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
  mockPort = Number(new URL(mock.url).port);
});
afterAll(async () => {
  await mock?.close();
  removeConsumerProject();
});

/** The blocks a continue block runs after: back to (and including) the nearest block that is not itself a continuation. */
function chainOf(blocks, index) {
  const chain = [blocks[index]];
  if (blocks[index].mode !== "continue") return chain;
  for (let i = index - 1; i >= 0; i--) {
    const previous = blocks[i];
    if (previous.lang === "sh" || previous.mode === "skip" || previous.mode === "vitest") continue;
    chain.unshift(previous);
    if (previous.mode !== "continue") return chain;
  }
  throw new Error(`${blocks[index].file}:${blocks[index].line}: "readme-test: continue" but no earlier ts/js block in the file to continue`);
}

for (const file of readmeFiles(repoRoot)) {
  const blocks = parseBlocks(file, readFileSync(join(repoRoot, file), "utf8"));
  if (blocks.length === 0) continue;
  describe(file, () => {
    blocks.forEach((block, index) => {
      const name = `${file}:${block.line} ${block.lang}${block.mode === "run" ? "" : ` (${block.mode})`}`;
      if (block.problem) {
        it(name, () => {
          throw new Error(`${file}:${block.line}: ${block.problem}`);
        });
      } else if (block.mode === "skip") {
        it.skip(`${name}: ${block.reason}`, () => {});
      } else if (block.mode === "server") {
        it(name, async () => {
          for (const report of await runServer(block, mock.url)) console.log(report);
        });
      } else if (block.mode === "vitest" || (block.mode === "run" && IMPORTS_VITEST.test(block.code))) {
        it(name, () => runVitest(block, mock.url));
      } else if (block.lang === "sh") {
        it(name, () => runShell(block, mock.url, mockPort));
      } else {
        it(name, () => runScript(block, chainOf(blocks, index), mock.url));
      }
    });
  });
}
