// `pnpm test:readme`: every sh/bash and ts/js block of README.md and of each package's README runs
// here, against a mock this test starts, using the built packages; or it carries a directive saying
// why not (see readme-blocks.mjs). A failure names the README file and line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startMock } from "@tikhubapi/mock";
import { afterAll, beforeAll, describe, it } from "vitest";
import { chainOf, isTestFile, parseBlocks, readmeFiles } from "./readme-blocks.mjs";
import { removeConsumerProject, repoRoot, runScript, runServer, runShell, runVitest } from "./run-block.mjs";

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
      } else if (isTestFile(block)) {
        it(name, () => runVitest(block, mock.url));
      } else if (block.lang === "sh") {
        it(name, () => runShell(block, mock.url, mockPort));
      } else {
        it(name, () => runScript(block, chainOf(blocks, index), mock.url));
      }
    });
  });
}
